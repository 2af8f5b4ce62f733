"""What every browser test of `shortlist serve` shares: the built binary, a server on a random loopback port over
a database made for the test, a headless Debian Chromium driven by Selenium, and steps that pass or fail.

A journey is a class derived from `Journey`: `setup()` makes its database (with the CLI), `steps()` lists
`(name, method)` in order. Tests/Browser/run.py runs the searcher's journey and every journey in
Tests/Browser/journeys/*.py (each module's `JOURNEYS` list), each with its own database, server and browser.
"""
import os
import re
import signal
import subprocess
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SHORTLIST_BIN") or os.path.join(ROOT, ".build", "debug", "shortlist")
PASSWORD = "browser-test-password"
# The demonstration's staff (Sources/ShortlistKit/Workflows/Demo.swift), each given PASSWORD by `Journey.demo`.
DEMO_ADMIN, DEMO_MANAGER, DEMO_PANEL, DEMO_GOVERNOR = "Alex Morgan", "Priya Shah", "Tom Ellis", "Grace Okafor"


def shortlist(db, *args, stdin=None):
    """Runs the CLI on the test database; fails the test on a non-zero exit."""
    result = subprocess.run([BINARY, *args, "--db", db], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"shortlist {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def gone(element):
    """Whether the element's page has been replaced (Chromium reports a detached node in more than one way)."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


class Journey:
    """One role's job in the browser: a database, a server over it, a browser, and steps that build on each other."""
    title = "a journey"

    def __init__(self, folder):
        self.folder = folder
        self.db = os.path.join(folder, "shortlist.sqlite")
        self.passed, self.failed = 0, 0
        self.server = None
        self.browser = None
        self.base = None
        self.log = None

    # MARK: - What a journey defines

    def setup(self):
        """Makes the database at self.db (override)."""
        raise NotImplementedError

    def steps(self):
        """[(name, method)] in order (override)."""
        raise NotImplementedError

    def demo(self):
        """The demonstration database (`shortlist demo`) in this journey's folder, every staff member's password PASSWORD."""
        result = subprocess.run([BINARY, "demo", "--dir", self.folder], capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"shortlist demo failed: {result.stderr}")
        for name in (DEMO_ADMIN, DEMO_MANAGER, DEMO_PANEL, DEMO_GOVERNOR):
            shortlist(self.db, "staff", "password", name, "--password-stdin", "--by", DEMO_ADMIN, stdin=PASSWORD + "\n")

    # MARK: - Running

    def run(self):
        print(f"# {self.title}")
        try:
            self.check("the server starts on a random loopback port", self.start)
            for name, step in self.steps():
                self.check(name, step)
        finally:
            try:
                self.stop()
            except Exception:
                pass
        return self.passed, self.failed

    def check(self, name, step):
        """One test: a step of the journey, which later steps build on."""
        if self.failed:
            print(f"skip  {name} (an earlier step failed)")
            self.failed += 1
            return
        try:
            step()
            print(f"ok    {name}")
            self.passed += 1
        except Exception:
            print(f"FAIL  {name}")
            traceback.print_exc()
            self.failed += 1

    def start(self):
        self.setup()
        self.log = open(os.path.join(self.folder, "serve.err"), "w+")
        self.server = subprocess.Popen([BINARY, "serve", "--db", self.db, "--listen", "127.0.0.1:0"],
                                       stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.server.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert match, f"no address printed: {line!r}"
        self.base = match.group(1).rstrip("/")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024,768",
                         "--no-first-run", "--disable-background-networking", "--disable-sync", "--disable-extensions"]:
            options.add_argument(argument)
        # Downloads land in the journey's folder, so a step can read what the browser saved.
        self.downloads = os.path.join(self.folder, "downloads")
        os.makedirs(self.downloads, exist_ok=True)
        options.add_experimental_option("prefs", {"download.default_directory": self.downloads,
                                                  "download.prompt_for_download": False})
        self.browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.browser.implicitly_wait(2)

    def stop(self):
        if self.browser:
            self.browser.quit()
            self.browser = None
        if self.server and self.server.returncode is None:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=20)

    def server_lines(self):
        """What the server wrote to standard error, once stopped."""
        self.log.seek(0)
        return self.log.read().splitlines()

    # MARK: - Helpers

    def open(self, path):
        self.browser.get(self.base + path)

    def text(self):
        return self.browser.find_element(By.TAG_NAME, "main").text

    def fill(self, field, value):
        element = self.browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)

    def click(self, element):
        """Clicks something that loads a page, and waits for the new page."""
        page = self.browser.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.browser, 15).until(lambda _: gone(page))

    def submit(self, label):
        self.click(self.browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))

    def h1(self):
        return self.browser.find_element(By.TAG_NAME, "h1").text

    def links(self):
        """The visible text of every link in the page's main part."""
        return [a.text for a in self.browser.find_elements(By.CSS_SELECTOR, "main a, header a")]

    def sign_in_as(self, name, password=PASSWORD):
        self.open("/sign-in")
        self.fill("name", name)
        self.fill("password", password)
        self.submit("Sign in")
        assert f"Signed in as {name}" in self.browser.page_source, self.text()

    def sign_out(self):
        self.submit("Sign out")
        assert self.h1() == "Sign in", self.h1()
