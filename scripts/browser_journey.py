#!/usr/bin/env python3
"""The browser journey: a real Chromium, driven by Selenium, through a real `motcua serve` on the demo data.

reception receives a dossier → the steps' specialists and leader complete them → the result is recorded and
returned at the counter → the citizen rates it on the tablet page → looks it up → the manager opens the
dashboard → downloads the quarterly report as DOCX.

Fails on an HTTP 5xx seen by the browser, a JavaScript error, a missing element, or a page heavier than
100 KB. A full-page screenshot of every page goes to the output folder.

usage: browser_journey.py BASE_URL OUTPUT_DIR PROCEDURES_JSON
"""
import base64
import io
import json
import os
import re
import sys
import time
import urllib.request
import zipfile

try:  # axe-core, the accessibility checker, bundled by this PyPI package
    from axe_selenium_python import Axe
except ImportError:
    Axe = None
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "motcua-demo"
PROCEDURE_QUERY = "cap phieu ly lich tu phap"   # typed without diacritics on purpose
PROCEDURE_CODE = "2.000488"
PHONE = "0912345678"
QUARTER = "2021-Q3"
PAGE_LIMIT_BYTES = 100 * 1024


class JourneyFailure(Exception):
    pass


class Journey:
    def __init__(self, base, output, procedures):
        self.base = base.rstrip("/")
        self.output = output
        self.procedures = procedures
        self.shots = 0
        self.problems = []
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                         "--lang=vi-VN", "--disable-gpu"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)

    # -- checks after every page ---------------------------------------------------------------------------

    def check_page(self, name):
        """Screenshot, then fail on 5xx responses, JavaScript errors and heavy pages seen so far."""
        self.shots += 1
        self.screenshot(f"{self.shots:02d}-{name}")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") != "Network.responseReceived":
                continue
            response = message["params"]["response"]
            if response["status"] >= 500:
                self.problems.append(f"{name}: HTTP {response['status']} for {response['url']}")
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.problems.append(f"{name}: browser error: {entry['message']}")
        size = self.driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0]; return n ? n.decodedBodySize : 0;")
        if size and size > PAGE_LIMIT_BYTES:
            self.problems.append(f"{name}: page weighs {size} bytes (limit {PAGE_LIMIT_BYTES})")
        self.check_accessibility(name)
        if self.problems:
            raise JourneyFailure("; ".join(self.problems))
        print(f"  ok  {name:<28} {self.driver.current_url}  ({size} bytes)")

    def check_accessibility(self, name):
        """axe-core's WCAG 2 A/AA rules; serious and critical violations fail the journey."""
        if Axe is None:
            return
        axe = Axe(self.driver)
        axe.inject()
        options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
        if "/danh-gia" in self.driver.current_url:
            # The counter's tablet is a kiosk display: it refreshes itself to follow the counter, on purpose.
            options["rules"] = {"meta-refresh": {"enabled": False}}
        results = axe.run(options=json.dumps(options))
        for violation in results["violations"]:
            if violation.get("impact") in ("serious", "critical"):
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                self.problems.append(f"{name}: accessibility: {violation['id']} ({violation['help']}) at {targets}")

    def screenshot(self, name):
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        content = metrics.get("cssContentSize") or metrics["contentSize"]
        width, height = max(1, int(content["width"])), max(1, min(int(content["height"]), 12000))
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        with open(f"{self.output}/{name}.png", "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    # -- helpers ---------------------------------------------------------------------------------------------

    def open(self, path, name):
        self.driver.get(self.base + path)
        self.check_page(name)

    def element(self, css, timeout=10):
        try:
            return WebDriverWait(self.driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
        except TimeoutException:
            raise JourneyFailure(f"missing element {css!r} on {self.driver.current_url}") from None

    def has(self, css):
        return bool(self.driver.find_elements(By.CSS_SELECTOR, css))

    def submit(self, form_css, name, button_css="button[type=submit], button:not([type])"):
        """Submits a form with its button (accepting a confirmation), waits for the next page."""
        form = self.element(form_css)
        button = form.find_element(By.CSS_SELECTOR, button_css)
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        try:
            WebDriverWait(self.driver, 2).until(EC.alert_is_present()).accept()
        except TimeoutException:
            pass
        WebDriverWait(self.driver, 15).until(EC.staleness_of(old))
        self.check_page(name)

    def fill(self, form, field, value):
        box = form.find_element(By.NAME, field)
        box.clear()
        box.send_keys(value)

    def sign_in(self, username):
        self.driver.delete_all_cookies()
        self.open("/dang-nhap", f"dang-nhap-{username}")
        form = self.element("form")
        self.fill(form, "username", username)
        self.fill(form, "password", PASSWORD)
        self.submit("form", f"sau-dang-nhap-{username}")
        if self.has("#password"):
            raise JourneyFailure(f"sign-in as {username} failed")

    def sign_out(self):
        if self.has("form.signout"):
            self.submit("form.signout", "dang-xuat")

    def step_users(self):
        procedure = next(p for p in self.procedures["procedures"] if p["code"] == PROCEDURE_CODE)
        users = []
        for step in procedure["steps"]:
            prefix = "ld" if step["role"].startswith("Lãnh đạo") else "cv"
            users.append(f"{prefix}.{step['agency']}")
        return users

    def download(self, path):
        """GET with the browser's session cookie; returns (status, content type, bytes)."""
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()

    # -- the journey -----------------------------------------------------------------------------------------

    def run(self):
        print("== reception receives a dossier")
        self.sign_in("tiepnhan")
        self.open("/tiep-nhan", "tiep-nhan")
        search = self.element("#tim-thu-tuc")
        search.send_keys(PROCEDURE_QUERY)
        old = self.driver.find_element(By.TAG_NAME, "html")
        search.submit()
        WebDriverWait(self.driver, 15).until(EC.staleness_of(old))
        self.check_page("tim-thu-tuc")
        choice = self.element(f"a.chon-thu-tuc[href$='/{PROCEDURE_CODE}']")
        choice.click()
        self.element("#form-tiep-nhan")
        self.check_page("thu-tuc-tiep-nhan")
        form = self.element("#form-tiep-nhan")
        for box in form.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
            if not box.is_selected():
                box.click()
        self.fill(form, "ho_ten", "Nguyễn Thị Hành Trình")
        self.fill(form, "dien_thoai", PHONE)
        for box in form.find_elements(By.CSS_SELECTOR, "input[required]:not([type=checkbox]), textarea[required]"):
            if not box.get_attribute("value"):
                box.send_keys("Gia Nghĩa, Đắk Nông" if "dia" in (box.get_attribute("name") or "") else "079190000123")
        self.submit("#form-tiep-nhan", "bien-nhan")
        code = self.element("#ma-ho-so").text.strip()
        appointment = self.element("#hen-tra").text.strip()
        if not re.search(r"\d", code) or not re.search(r"\d", appointment):
            raise JourneyFailure(f"receipt without a code or appointment: {code!r}, {appointment!r}")
        print(f"     dossier {code}, appointment {appointment}")
        self.element("#xem-ho-so").click()
        self.element("#cac-buoc")
        self.check_page("ho-so-vua-tiep-nhan")
        self.submit("#hanh-dong-chuyen-xu-ly", "chuyen-xu-ly")
        self.element("#thong-bao")

        print("== the steps are worked")
        for user in self.step_users():
            self.sign_out()
            self.sign_in(user)
            self.open("/hang-doi", f"hang-doi-{user}")
            link = self.element(f"a[href='/ho-so/{code}']")
            link.click()
            self.element("#cac-buoc")
            self.check_page(f"ho-so-{user}")
            self.element("#dong-thoi-gian")
            self.submit("#hanh-dong-hoan-thanh-buoc", f"hoan-thanh-buoc-{user}")
            self.element("#thong-bao")
            if self.has("#hanh-dong-ghi-ket-qua"):
                self.submit("#hanh-dong-ghi-ket-qua", f"ghi-ket-qua-{user}")

        print("== reception returns the result at the counter")
        self.sign_out()
        self.sign_in("tiepnhan")
        self.open(f"/ho-so/{code}", "ho-so-tiep-nhan")
        if self.has("#hanh-dong-ghi-ket-qua"):
            self.submit("#hanh-dong-ghi-ket-qua", "ghi-ket-qua")
        self.submit("#hanh-dong-tra-ket-qua", "tra-ket-qua")
        self.element("#thong-bao")

        print("== the citizen rates the service on the counter's tablet")
        self.open("/danh-gia", "danh-gia")
        if code not in self.element("main").text:
            raise JourneyFailure("the tablet does not show the dossier just returned")
        self.submit("form:has(#rat-hai-long)", "danh-gia-cam-on")

        print("== the citizen looks the dossier up")
        self.driver.delete_all_cookies()
        self.open("/tra-cuu", "tra-cuu")
        form = self.element("form.inline")
        self.fill(form, "ma", code)
        self.fill(form, "so", PHONE[-4:])
        self.submit("form.inline", "tra-cuu-ket-qua")
        result = self.element("#ket-qua").text
        if "Nguyễn Thị Hành Trình" in result:
            raise JourneyFailure("the public lookup shows the applicant's name")
        returned = self.driver.find_element(By.XPATH, "//*[@id='ket-qua']//tr[th[text()='Đã trả kết quả']]/td").text
        if not re.search(r"\d", returned):
            raise JourneyFailure(f"the lookup does not say when the result was returned: {result!r}")

        print("== the manager opens the dashboard and downloads the quarterly report")
        self.sign_in("quanly")
        self.open(f"/bang-dieu-khien?quy={QUARTER}", "bang-dieu-khien")
        for chart in ("svg#bieu-do-tiep-nhan", "svg#bieu-do-dung-han", "svg#bieu-do-qua-han", "table#ho-so-tre-han"):
            self.element(chart)
        self.open(f"/bao-cao?quy={QUARTER}", "bao-cao")
        href = self.element("a#tai-docx").get_attribute("href")
        status, content_type, body = self.download(href.replace(self.base, ""))
        if status != 200 or "wordprocessingml" not in content_type:
            raise JourneyFailure(f"DOCX download answered {status} {content_type}")
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            document = archive.read("word/document.xml").decode("utf-8")
        if "BÁO CÁO" not in document.upper():
            raise JourneyFailure("the downloaded DOCX has no report title")
        with open(f"{self.output}/bao-cao-{QUARTER}.docx", "wb") as file:
            file.write(body)
        print(f"  ok  DOCX {len(body)} bytes")

        print("== a citizen submits a dossier online, with an attachment")
        self.driver.delete_all_cookies()
        self.open(f"/thu-tuc/{PROCEDURE_CODE}", "thu-tuc-chi-tiet")
        self.element("a#nop-truc-tuyen").click()
        form = self.element("#form-nop-ho-so")
        self.check_page("nop-ho-so")
        self.fill(form, "ho_ten", "Trần Văn Trực Tuyến")
        self.fill(form, "so_giay_to", "079190000456")
        self.fill(form, "dien_thoai", "0987654321")
        for box in form.find_elements(By.CSS_SELECTOR, "input[required]:not([type=file]), textarea[required]"):
            if not box.get_attribute("value"):
                box.send_keys("Gia Nghĩa, Đắk Nông")
        attachment = os.path.abspath(f"{self.output}/to-khai.pdf")
        with open(attachment, "wb") as file:
            file.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        form.find_element(By.ID, "tep").send_keys(attachment)
        self.submit("#form-nop-ho-so", "da-nop-truc-tuyen")
        online_code = self.element("#ma-ho-so").text.strip()
        if not online_code:
            raise JourneyFailure("the online submission gave no dossier code")
        print(f"     online dossier {online_code}")

        print("== the other staff pages")
        self.sign_in("tiepnhan")
        self.open("/huong-dan", "huong-dan")
        self.submit("form:has(#nut-goi-den)", "huong-dan-goi-den", "#nut-goi-den")
        self.element("#da-ghi-nhan")
        if "da-ghi=incoming_call" not in self.driver.current_url:
            raise JourneyFailure(f"the incoming call was not what got recorded: {self.driver.current_url}")
        self.open(f"/ho-so/{online_code}", "ho-so-truc-tuyen")
        self.element("#tep-dinh-kem a")
        self.sign_in("quanly")
        self.open("/xu-ly-phan-anh", "xu-ly-phan-anh")
        self.sign_in("quantri")
        for path, name in (("/quan-tri", "quan-tri"), ("/quan-tri/nguoi-dung", "quan-tri-nguoi-dung"),
                           ("/quan-tri/lich?nam=2026", "quan-tri-lich"), ("/quan-tri/thu-tuc", "quan-tri-thu-tuc"),
                           (f"/quan-tri/thu-tuc/{PROCEDURE_CODE}", "quan-tri-thu-tuc-chi-tiet"),
                           ("/quan-tri/co-quan", "quan-tri-co-quan")):
            self.open(path, name)

        print("== citizens' pages on a phone")
        self.driver.delete_all_cookies()
        self.driver.set_window_size(390, 844)
        for path, name in (("/", "dien-thoai-trang-chu"), ("/thu-tuc?q=ly+lich+tu+phap", "dien-thoai-thu-tuc"),
                           (f"/thu-tuc/{PROCEDURE_CODE}", "dien-thoai-chi-tiet"), ("/tra-cuu", "dien-thoai-tra-cuu"),
                           ("/phan-anh", "dien-thoai-phan-anh")):
            self.open(path, name)
            overflow = self.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            if overflow > 0:
                raise JourneyFailure(f"{name}: the page is {overflow} px wider than a phone's screen")

    def close(self):
        self.driver.quit()


def run_to_the_end(journey, output, label="browser journey"):
    """Runs a journey; on a failure, a last screenshot and exit 1."""
    started = time.monotonic()
    try:
        journey.run()
    except (JourneyFailure, NoSuchElementException) as failure:
        try:
            journey.screenshot("zz-failure")
        except Exception:  # the failure itself matters more than its screenshot
            pass
        print(f"{label} FAILED: {failure}")
        sys.exit(1)
    finally:
        journey.close()
    print(f"{label} passed in {time.monotonic() - started:.1f} s; screenshots in {output}")


def main():
    base, output, procedures_path = sys.argv[1:4]
    with open(procedures_path, encoding="utf-8") as file:
        procedures = json.load(file)
    run_to_the_end(Journey(base, output, procedures), output)


if __name__ == "__main__":
    main()
