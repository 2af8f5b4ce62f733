#!/usr/bin/env python3
"""Browser tests of `shortlist serve`: Debian's Chromium, headless, driven by Selenium.

Starts the built `shortlist` (SHORTLIST_BIN, else .build/debug/shortlist) on a random loopback port over a
fresh database of fictional people, then a searcher signs in, adds a vacancy, imports a shortlist, records
that the candidates were told, logs every query of both candidates (one with findings and evidence), records
the finding, and sees the status grid complete. With SHORTLIST_SCREENSHOT set, saves the screenshot there.

Run: python3 Tests/Browser/run.py   (exits non-zero on failure; ends with "N passed, N failed")
"""
import datetime
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SHORTLIST_BIN") or os.path.join(ROOT, ".build", "debug", "shortlist")
SEARCHER, MANAGER, PASSWORD = "Alex Morgan", "Priya Shah", "browser-test-password"
# With SHORTLIST_SCREENSHOT=docs/screenshots/searcher-plan.png the run remakes the README's screenshot (fictional data only).
SCREENSHOT = os.environ.get("SHORTLIST_SCREENSHOT")


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


class Run:
    def __init__(self, folder):
        self.folder = folder
        self.db = os.path.join(folder, "shortlist.sqlite")
        self.passed, self.failed = 0, 0
        self.server = None
        self.browser = None
        self.base = None

    def check(self, name, step):
        """One test: a step of the searcher's job, which later steps build on."""
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

    # MARK: - Set-up

    def start(self):
        subprocess.run([BINARY, "init", "--admin", SEARCHER, "--role", "searcher", "--db", self.db], check=True, capture_output=True)
        shortlist(self.db, "staff", "add", MANAGER, "--role", "recruiting-manager", "--by", SEARCHER)
        shortlist(self.db, "staff", "password", SEARCHER, "--password-stdin", "--by", SEARCHER, stdin=PASSWORD + "\n")
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
        self.browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.browser.implicitly_wait(2)

    def stop(self):
        if self.browser:
            self.browser.quit()
            self.browser = None
        if self.server and self.server.returncode is None:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=20)

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

    # MARK: - The searcher's job

    def sign_in(self):
        self.open("/")
        assert self.h1() == "Sign in", self.h1()
        self.fill("name", SEARCHER)
        self.fill("password", "wrong password")
        self.submit("Sign in")
        assert "The name or the password is not right." in self.text(), self.text()
        assert self.browser.find_element(By.ID, "name").get_attribute("value") == SEARCHER
        self.fill("password", PASSWORD)
        self.submit("Sign in")
        assert self.h1() == "What needs doing", self.h1()
        assert f"Signed in as {SEARCHER}" in self.browser.page_source
        cookie = self.browser.get_cookie("shortlist_session")
        assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict", cookie

    def add_vacancy(self):
        self.click(self.browser.find_element(By.LINK_TEXT, "Vacancies"))
        self.click(self.browser.find_element(By.LINK_TEXT, "Add a vacancy"))
        self.fill("reference", "TA-2026-03")
        self.fill("title", "Teaching Assistant (Year 2)")
        self.fill("interview", "31/02/2027")
        self.submit("Add the vacancy")
        assert "There is a problem" in self.text(), self.text()
        assert self.browser.find_element(By.ID, "title").get_attribute("value") == "Teaching Assistant (Year 2)"
        interview = datetime.date.today() + datetime.timedelta(days=10)
        self.fill("interview", interview.strftime("%d/%m/%Y"))
        self.submit("Add the vacancy")
        assert self.h1() == "TA-2026-03: Teaching Assistant (Year 2)", self.h1()

    def import_shortlist(self):
        path = os.path.join(self.folder, "shortlist.csv")
        with open(path, "w", encoding="utf-8") as file:
            file.write("Full name,Town,Current employer,Email\n"
                       "Zoë Ødegaard,Frodsham,Riverside Nursery,zoe@example.org\n"
                       "Łukasz Nowak,Chester,,lukasz@example.org\n")
        self.browser.find_element(By.ID, "shortlist").send_keys(path)
        self.submit("Import")
        assert "Imported 2 candidates from shortlist.csv." in self.text(), self.text()
        assert "0 of 2 candidates complete." in self.text()

    def record_notice(self):
        for box in self.browser.find_elements(By.CSS_SELECTOR, "input[name=candidate]"):
            box.click()
        self.submit("Record")
        assert "Recorded that TA-2026-03/1, TA-2026-03/2 were told." in self.text(), self.text()

    def addresses(self):
        return [item.get_attribute("id")[2:] for item in self.browser.find_elements(By.CSS_SELECTOR, "li.query")]

    def log_with_finding(self):
        self.open("/vacancies/TA-2026-03/candidates/1")
        assert "Search plan for TA-2026-03/1 (Zoë Ødegaard)" in self.h1()
        self.browser.find_element(By.ID, "confirm-box").click()
        self.submit("Confirm")
        assert "You confirmed, for this session" in self.text()
        link = self.browser.find_element(By.CSS_SELECTOR, "#q-facebook\\.1 a[target=_blank]")
        assert link.get_attribute("rel") == "noopener noreferrer"
        self.click(self.browser.find_element(By.CSS_SELECTOR, "#q-facebook\\.1 .actions a"))
        self.browser.find_element(By.ID, "outcome-findings").click()
        self.fill("addresses", "https://www.facebook.com/example-public-post")
        evidence = os.path.join(self.folder, "public-post.png")
        self.browser.save_screenshot(evidence)   # any PNG will do as evidence: this one shows fictional data only
        self.browser.find_element(By.ID, "evidence").send_keys(evidence)
        self.submit("Save")
        assert self.h1() == "Record a finding for TA-2026-03/1", self.h1()

    def record_finding(self):
        self.fill("summary", "A public post from March 2024 calls a previous employer's pupils \"feral\".")
        self.browser.find_element(By.ID, "identity-confirmed").click()
        self.submit("Record the finding")
        assert "There is a problem" in self.text(), self.text()
        assert "feral" in self.browser.find_element(By.ID, "summary").get_attribute("value")
        self.fill("identityBasis", "Same photograph and employer as the application.")
        self.browser.find_element(By.CSS_SELECTOR, "#category option[value=disparaging]").click()
        self.fill("relevance", "How a member of staff speaks about pupils in public bears on their conduct with children.")
        self.fill("contentDate", "12/03/2024")
        self.submit("Record the finding")
        assert "Saved TA-2026-03/1/F1." in self.text(), self.text()

    def log_every_query(self):
        for number in (1, 2):
            self.open(f"/vacancies/TA-2026-03/candidates/{number}")
            for address in self.addresses():
                if number == 1 and address == "facebook.1":
                    continue
                outcome = "nothing-relevant" if address.startswith("web-name.") else "no-results"
                self.click(self.browser.find_element(By.CSS_SELECTOR, f"button[value='{outcome}-{address}']"))
                assert f"Saved {address}." in self.text(), address
            assert "queries done" in self.text()
        self.open("/vacancies/TA-2026-03/candidates/1")
        if SCREENSHOT:
            self.browser.save_screenshot(os.path.join(ROOT, SCREENSHOT))

    def grid_complete(self):
        self.open("/vacancies/TA-2026-03")
        assert "1 finding awaiting decision" in self.text(), self.text()
        # The recruiting manager's decision is part 2's screen: made here with the CLI.
        shortlist(self.db, "finding", "decide", "TA-2026-03/1/F1", "--decision", "no-further-action",
                  "--reason", "Old, and answered by the reference.", "--by", MANAGER)
        self.browser.refresh()
        assert "2 of 2 candidates complete." in self.text(), self.text()
        assert "Every candidate's search record is complete." in self.text()
        self.submit("Sign out")
        assert self.h1() == "Sign in"

    def server_log(self):
        self.stop()
        assert self.server.returncode == 0, self.server.returncode
        self.log.seek(0)
        lines = self.log.read().splitlines()
        requests = [line for line in lines if re.match(r"^\S+ (GET|POST) /\S* \d{3} \d+ms$", line)]
        assert len(requests) > 40, lines[:5]
        joined = "\n".join(lines)
        for secret in ["Zoë", "Nowak", "saved=", "entry=", PASSWORD]:
            assert secret not in joined, secret
        assert lines[-1] == "Stopped.", lines[-3:]


def main():
    if not os.path.exists(BINARY):
        print(f"no shortlist binary at {BINARY}: run `swift build` first (or set SHORTLIST_BIN)")
        print("0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory(prefix="shortlist-browser-") as folder:
        run = Run(folder)
        try:
            run.check("the server starts on a random loopback port", run.start)
            run.check("a searcher signs in (a wrong password first)", run.sign_in)
            run.check("adds a vacancy (a bad date first, nothing typed lost)", run.add_vacancy)
            run.check("imports a shortlist", run.import_shortlist)
            run.check("records that both candidates were told", run.record_notice)
            run.check("logs a query with findings and evidence", run.log_with_finding)
            run.check("records the finding (missing fields first)", run.record_finding)
            run.check("logs every other query of both candidates with one click", run.log_every_query)
            run.check("sees the status grid complete, and signs out", run.grid_complete)
            run.check("the server logs one line per request, no personal data, and stops on SIGTERM", run.server_log)
        finally:
            try:
                run.stop()
            except Exception:
                pass
    print(f"{run.passed} passed, {run.failed} failed")
    return 0 if run.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
