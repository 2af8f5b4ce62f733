"""The other roles' jobs in the browser, on the demonstration database (`shortlist demo`): the recruiting manager
decides, the panel prints the pack and records a response, a governor reads the report and checks a fingerprint,
an admin previews a purge."""
import glob
import os
import re
import subprocess
import time

from selenium.webdriver.common.by import By

from harness import DEMO_ADMIN, DEMO_GOVERNOR, DEMO_MANAGER, DEMO_PANEL, Journey, shortlist


def wait_for_download(folder, pattern, seconds=60):
    """The path of the finished download matching `pattern` in `folder`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        done = [path for path in glob.glob(os.path.join(folder, pattern)) if not path.endswith(".crdownload")]
        if done and not glob.glob(os.path.join(folder, "*.crdownload")):
            return done[0]
        time.sleep(0.5)
    raise AssertionError(f"no {pattern} downloaded into {folder}: {os.listdir(folder)}")


def pdf_pages(path):
    """The text of each page of a PDF, by pdftotext."""
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


class ManagerJourney(Journey):
    title = "the recruiting manager raises one finding and closes another"

    def setup(self):
        self.demo()
        # A second finding awaiting decision, recorded by the searcher with the CLI, for the manager to close.
        entry = shortlist(self.db, "check", "history", "TA-2026-03/2").splitlines()[2].split()[0]
        shortlist(self.db, "finding", "add", "TA-2026-03/2", "--entry", entry, "--by", DEMO_ADMIN,
                  "--summary", "A forum post under the candidate's name argues with a parent about homework.",
                  "--category", "other", "--identity", "probable", "--identity-basis", "Same name and town.",
                  "--relevance", "How a member of staff speaks to parents.")

    def steps(self):
        return [
            ("signs in and sees two findings awaiting decision", self.awaiting),
            ("raises the unverified one: refused without the identity question, then raised", self.raise_finding),
            ("closes the other with no further action and a reason", self.close_finding),
            ("has nothing left to decide", self.nothing_left),
        ]

    def awaiting(self):
        self.sign_in_as(DEMO_MANAGER)
        self.open("/findings")
        assert self.h1() == "Findings awaiting decision", self.h1()
        text = self.text()
        assert "TA-2026-03/3/F1" in text and "TA-2026-03/2/F1" in text, text
        assert "videos of fights" in text, text

    def raise_finding(self):
        self.click(self.browser.find_element(By.LINK_TEXT, "Decide TA-2026-03/3/F1"))
        self.browser.find_element(By.ID, "decision-raise").click()
        self.fill("question", "Can you tell us about the videos shared by an account in your name?")
        self.submit("Record the decision")
        assert "There is a problem" in self.text(), self.text()
        assert "videos shared" in self.browser.find_element(By.ID, "question").get_attribute("value")
        self.fill("identityQuestion", "Do you have a public account on a video site?")
        self.submit("Record the decision")
        assert "Saved the decision." in self.text(), self.text()
        assert "raised" in self.text()

    def close_finding(self):
        self.open("/findings")
        self.click(self.browser.find_element(By.LINK_TEXT, "Decide TA-2026-03/2/F1"))
        self.browser.find_element(By.ID, "decision-no-further-action").click()
        self.fill("reason", "A disagreement about homework, politely put: nothing to ask.")
        self.submit("Record the decision")
        assert "Saved the decision." in self.text(), self.text()
        assert "no further action" in self.text().lower(), self.text()

    def nothing_left(self):
        self.open("/findings")
        assert "No finding awaits a decision." in self.text(), self.text()
        decided = shortlist(self.db, "finding", "list", "--vacancy", "TA-2026-03", "--by", DEMO_MANAGER)
        assert re.search(r"TA-2026-03/3/F1\s+raised", decided), decided
        assert re.search(r"TA-2026-03/2/F1\s+no-further-action", decided), decided
        self.sign_out()


class PanelJourney(Journey):
    title = "the panel prints the pack to PDF and records a response"

    def setup(self):
        self.demo()

    def steps(self):
        return [
            ("signs in and opens the vacancy's pack page", self.pack_page),
            ("downloads the pack as a PDF: every page confidential, no protected finding", self.pack_pdf),
            ("records the candidate's response (missing first, nothing typed lost)", self.respond),
        ]

    def pack_page(self):
        self.sign_in_as(DEMO_PANEL)
        self.open("/panel")
        self.click(self.browser.find_element(By.PARTIAL_LINK_TEXT, "TA-2026-03"))
        self.click(self.browser.find_element(By.LINK_TEXT, "The interview pack"))
        assert self.h1().startswith("Interview pack for TA-2026-03"), self.h1()
        assert "Open the pack to print" in self.links(), self.links()

    def pack_pdf(self):
        self.browser.find_element(By.LINK_TEXT, "Download the pack as a PDF").click()
        path = wait_for_download(self.downloads, "*.pdf", seconds=120)
        assert os.stat(path).st_size > 1000, os.stat(path).st_size
        pages = pdf_pages(path)
        assert len(pages) >= 4, len(pages)
        for number, page in enumerate(pages, 1):
            assert "Confidential" in page, f"page {number}: {page[:300]}"
            assert "TA-2026-03" in page, f"page {number}"
        whole = "\n".join(pages)
        assert "feral" in whole, "the raised finding is in the pack"
        assert "faith community" not in whole, "the protected finding never reaches the panel"
        assert "school prank" not in whole, "a finding not raised stays out of the pack"

    def respond(self):
        self.open("/panel")
        self.click(self.browser.find_element(By.PARTIAL_LINK_TEXT, "MS-2026-02"))
        self.click(self.browser.find_element(By.PARTIAL_LINK_TEXT, "Record the response to MS-2026-02/2/F1"))
        self.browser.find_element(By.ID, "conclusion-satisfied").click()
        self.fill("detail", "Consistent with the reference.")
        self.submit("Record the response")
        assert "There is a problem" in self.text(), self.text()
        assert self.browser.find_element(By.ID, "detail").get_attribute("value") == "Consistent with the reference."
        self.fill("response", "The dispute was about a fence and was settled by mediation.")
        self.submit("Record the response")
        assert "Saved the response." in self.text(), self.text()
        assert "settled by mediation" in self.text(), self.text()
        self.sign_out()


class GovernorJourney(Journey):
    title = "a governor reads the report and checks a fingerprint"

    def setup(self):
        self.demo()

    def steps(self):
        return [
            ("reads the report for the school year, exceptions first", self.report),
            ("reads one vacancy's report", self.one_vacancy),
            ("checks the fingerprint written in the minutes, and a wrong one", self.fingerprint),
        ]

    def report(self):
        self.sign_in_as(DEMO_GOVERNOR)
        self.open("/report")
        assert self.h1() == "Safer recruitment report", self.h1()
        self.submit("Show the period")
        exceptions = self.browser.find_element(By.ID, "exceptions").text
        assert "TA-2026-03/4" in exceptions, exceptions
        text = self.text()
        assert text.index("Exceptions") < text.index("Summary"), text[:400]
        for secret in ["feral", "Zoë", "Ødegaard"]:
            assert secret not in self.browser.page_source, secret
        self.minuted = self.browser.find_element(By.CSS_SELECTOR, "strong.fingerprint").text
        assert re.fullmatch(r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}", self.minuted), self.minuted

    def one_vacancy(self):
        self.browser.find_element(By.CSS_SELECTOR, "#vacancy option[value='MS-2026-02']").click()
        self.submit("Show the vacancy")
        assert "vacancy MS-2026-02" in self.text(), self.text()[:300]
        headings = [h.text for h in self.browser.find_elements(By.CSS_SELECTOR, "section.report h3")]
        assert "MS-2026-02: Midday Supervisor" in headings, headings
        assert not any(h.startswith("TA-2026-03") for h in headings), headings

    def fingerprint(self):
        self.open("/audit")
        assert "Verified" in self.browser.find_element(By.ID, "verdict").text
        head = self.browser.find_element(By.ID, "fingerprint").text
        assert re.fullmatch(r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}", head), head
        self.fill("expect", self.minuted)
        self.submit("Check the fingerprint")
        assert self.browser.find_element(By.ID, "check-result").text.startswith("Yes"), self.text()
        self.fill("expect", "0000 0000 0000")
        self.submit("Check the fingerprint")
        assert self.browser.find_element(By.ID, "check-result").text.startswith("No"), self.text()
        self.sign_out()


class AdminJourney(Journey):
    title = "an admin previews a purge"

    def setup(self):
        self.demo()

    def steps(self):
        return [
            ("sees the candidates due and a wrong confirmation refused, nothing purged", self.preview),
        ]

    def preview(self):
        self.sign_in_as(DEMO_ADMIN)
        self.open("/admin/purge")
        assert self.h1() == "Purge", self.h1()
        due = self.browser.find_element(By.ID, "due").text
        assert "CL-2026-01/1" in due, due
        self.fill("confirmation", "999")
        self.submit("Purge the personal data due")
        assert "There is a problem" in self.text() or "error" in self.browser.page_source, self.text()
        assert self.browser.find_element(By.ID, "confirmation").get_attribute("value") == "999"
        assert "CL-2026-01/1" in self.browser.find_element(By.ID, "due").text
        self.sign_out()


JOURNEYS = [ManagerJourney, PanelJourney, GovernorJourney, AdminJourney]
