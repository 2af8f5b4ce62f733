#!/usr/bin/env python3
"""Browser tests of `shortlist serve`: Debian's Chromium, headless, driven by Selenium (Tests/Browser/harness.py).

First the searcher's journey, on a fresh database of fictional people: a searcher signs in, adds a vacancy, imports
a shortlist, records that the candidates were told, logs every query of both candidates (one with findings and
evidence), records the finding, and sees the status grid complete. With SHORTLIST_SCREENSHOT set, saves the
screenshot there. Then every journey in Tests/Browser/journeys/ (the other roles', on the demonstration database),
each with its own database, server and browser.

Run: python3 Tests/Browser/run.py [NAME ...]   (only the journeys whose module or class name contains a NAME;
exits non-zero on failure; ends with "N passed, N failed")
"""
import datetime
import importlib.util
import glob
import os
import re
import sys
import tempfile

from selenium.webdriver.common.by import By

from harness import BINARY, PASSWORD, ROOT, Journey, shortlist

SEARCHER, MANAGER = "Alex Morgan", "Priya Shah"
# With SHORTLIST_SCREENSHOT=docs/screenshots/searcher-plan.png the run remakes the README's screenshot (fictional data only).
SCREENSHOT = os.environ.get("SHORTLIST_SCREENSHOT")


class SearcherJourney(Journey):
    title = "the searcher's job, on a new database"

    def setup(self):
        shortlist(self.db, "init", "--admin", SEARCHER, "--role", "searcher")
        shortlist(self.db, "staff", "add", MANAGER, "--role", "recruiting-manager", "--by", SEARCHER)
        shortlist(self.db, "staff", "password", SEARCHER, "--password-stdin", "--by", SEARCHER, stdin=PASSWORD + "\n")

    def steps(self):
        return [
            ("a searcher signs in (a wrong password first)", self.sign_in),
            ("adds a vacancy (a bad date first, nothing typed lost)", self.add_vacancy),
            ("imports a shortlist", self.import_shortlist),
            ("records that both candidates were told", self.record_notice),
            ("logs a query with findings and evidence", self.log_with_finding),
            ("records the finding (missing fields first)", self.record_finding),
            ("logs every other query of both candidates with one click", self.log_every_query),
            ("sees the status grid complete, and signs out", self.grid_complete),
            ("the server logs one line per request, no personal data, and stops on SIGTERM", self.server_log),
        ]

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
        # The recruiting manager decides in the browser in journeys/roles.py; here the CLI does it, to finish the grid.
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
        lines = self.server_lines()
        requests = [line for line in lines if re.match(r"^\S+ (GET|POST) /\S* \d{3} \d+ms$", line)]
        assert len(requests) > 40, lines[:5]
        joined = "\n".join(lines)
        for secret in ["Zoë", "Nowak", "saved=", "entry=", PASSWORD]:
            assert secret not in joined, secret
        assert lines[-1] == "Stopped.", lines[-3:]


def journeys():
    """The searcher's journey, then each module's JOURNEYS in Tests/Browser/journeys/, by file name."""
    found = [SearcherJourney]
    for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "journeys", "*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found += getattr(module, "JOURNEYS", [])
    return found


def main(names):
    if not os.path.exists(BINARY):
        print(f"no shortlist binary at {BINARY}: run `swift build` first (or set SHORTLIST_BIN)")
        print("0 passed, 1 failed")
        return 1
    passed, failed = 0, 0
    for journey in journeys():
        label = journey.__module__ + " " + journey.__name__
        if names and not any(name.lower() in label.lower() for name in names):
            continue
        with tempfile.TemporaryDirectory(prefix="shortlist-browser-") as folder:
            ran = journey(folder).run()
            passed, failed = passed + ran[0], failed + ran[1]
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))
