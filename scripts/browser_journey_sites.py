#!/usr/bin/env python3
"""The sites journey (issue 11): a real Chromium through a real `motcua demo --sample lam-dong-2026`.

A commune center's desk accepts a dossier of a department's procedure listed for acceptance at any site
(its own code, the receipt of an acceptance on behalf) → forwards it from the dossier page → the provincial
center's desk finds it in its queue of dossiers sent from other sites → receives it: the dossier page then
shows both instants, both sites and the forwarding verdict, and the appointment counted from that receipt.

Same checks as the main journey on every page (5xx, JavaScript errors, weight, accessibility).

usage: browser_journey_sites.py BASE_URL OUTPUT_DIR
"""
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_journey import Journey, JourneyFailure, run_to_the_end

PROCEDURE_QUERY = "ly lich tu phap"
PROCEDURE_CODE = "2.000635"
COMMUNE_DESK = "tn.bgn"            # Trung tâm Phục vụ hành chính công phường Bắc Gia Nghĩa
COMMUNE_CENTER = "000.01.31.H39"
PROVINCIAL_DESK = "tn.tinh"        # Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng


class SitesJourney(Journey):
    def run(self):
        print("== a commune center accepts a department's dossier on behalf of the provincial center")
        self.sign_in(COMMUNE_DESK)
        self.open("/tiep-nhan", "xa-tiep-nhan")
        search = self.element("#tim-thu-tuc")
        search.send_keys(PROCEDURE_QUERY)
        old = self.driver.find_element(By.TAG_NAME, "html")
        search.submit()
        WebDriverWait(self.driver, 15).until(EC.staleness_of(old))
        self.check_page("xa-tim-thu-tuc")
        self.element(f"a.chon-thu-tuc[href$='/{PROCEDURE_CODE}']").click()
        form = self.element("#form-tiep-nhan")
        self.check_page("xa-form-tiep-nhan")
        for box in form.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
            if not box.is_selected():
                box.click()
        self.fill(form, "ho_ten", "Lê Thị Liên Thông")
        self.fill(form, "dien_thoai", "0912000111")
        for box in form.find_elements(By.CSS_SELECTOR, "input[required]:not([type=checkbox]), textarea[required]"):
            if not box.get_attribute("value"):
                box.send_keys("Bắc Gia Nghĩa, Lâm Đồng" if "dia" in (box.get_attribute("name") or "") else "067190000123")
        self.submit("#form-tiep-nhan", "xa-giay-tiep-nhan")
        code = self.element("#ma-ho-so").text.strip()
        if not code.startswith(COMMUNE_CENTER + "-"):
            raise JourneyFailure(f"the dossier does not carry the commune center's code: {code!r}")
        page = self.element("main").text
        if "KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH" not in page.upper() or not self.has("#chuyen-den"):
            raise JourneyFailure("the slip is not the receipt of an acceptance on behalf")
        print(f"     dossier {code}")
        self.element("#xem-ho-so").click()
        self.element("#cac-buoc")
        self.check_page("xa-ho-so")
        if "Nơi tiếp nhận (không phụ thuộc địa giới hành chính)" not in self.element(".dossier-header").text:
            raise JourneyFailure("the dossier page does not show the accepting site")
        self.submit("#hanh-dong-chuyen-co-quan-tham-quyen", "xa-chuyen-ho-so")
        self.element("#thong-bao")

        print("== the provincial center's desk receives it")
        self.sign_out()
        self.sign_in(PROVINCIAL_DESK)
        self.open("/hang-doi", "tinh-hang-doi")
        self.element(f"table#chuyen-den a[href='/ho-so/{code}']").click()
        self.element("#cac-buoc")
        self.check_page("tinh-ho-so-chuyen-den")
        self.submit("#hanh-dong-tiep-nhan-ho-so", "tinh-tiep-nhan")
        self.element("#thong-bao")
        header = self.element(".dossier-header").text
        for expected in ("Cơ quan có thẩm quyền tiếp nhận lúc", "Hẹn trả kết quả", "309/2026"):
            if expected not in header:
                raise JourneyFailure(f"the received dossier's page does not show {expected!r}")
        verdict = self.element("#han-chuyen").text
        if not re.search(r"hạn", verdict, re.IGNORECASE):
            raise JourneyFailure(f"no forwarding verdict: {verdict!r}")
        print(f"     received; forwarding: {verdict}")


def main():
    base, output = sys.argv[1:3]
    run_to_the_end(SitesJourney(base, output, procedures=None), output, label="sites journey")


if __name__ == "__main__":
    main()
