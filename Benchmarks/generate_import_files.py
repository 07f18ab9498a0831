#!/usr/bin/env python3
"""Writes agencies.csv, procedures.csv and dossiers.csv in the exact formats of `motcua import`, with
COUNT dossiers generated from a fixed seed, for the import benchmark and tests.

usage: python3 Benchmarks/generate_import_files.py FOLDER [COUNT]
"""
import csv
import datetime as dt
import os
import random
import sys

folder = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
os.makedirs(folder, exist_ok=True)
rng = random.Random(2021)

agencies = [("000.00.00.H56", "Ủy ban nhân dân tỉnh Đắk Nông", "UBND tỉnh", "")]
agencies += [(f"000.00.{n:02d}.H56", f"Sở số {n}", f"Sở {n}", "000.00.00.H56") for n in range(1, 30)]
with open(os.path.join(folder, "agencies.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "short_name", "parent_code"])
    w.writerows(agencies)

procedures = []
for n in range(1, 401):
    agency = agencies[1 + n % 29][0]
    legal = rng.choice([3, 5, 7, 10, 15, 20, 30])
    procedures.append((f"1.{n:06d}", f"Thủ tục hành chính số {n}", f"Lĩnh vực {n % 25}", agency,
                       max(1, legal - rng.choice([0, 0, 1, 2])), legal, rng.choice(["full", "partial", "none"])))
with open(os.path.join(folder, "procedures.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "field", "agency_code", "processing_days", "legal_days", "online_level"])
    w.writerows(procedures)

start = dt.datetime(2019, 1, 1, 7, 30)
per_day: dict = {}
with open(os.path.join(folder, "dossiers.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "procedure_code", "channel", "received_at", "due_at", "completed_at", "returned_at",
                "return_channel", "outcome", "late_agency_code", "late_step", "late_kind", "late_reason", "apology_sent"])
    for i in range(count):
        procedure = procedures[rng.randrange(len(procedures))]
        agency = agencies[1 + rng.randrange(29)][0]
        received = start + dt.timedelta(minutes=rng.randrange(0, 7 * 365 * 24 * 60))
        day = received.strftime("%y%m%d")
        key = (agency, day)
        per_day[key] = per_day.get(key, 0) + 1
        code = f"{agency}-{day}-{per_day[key]:04d}"
        due = received + dt.timedelta(days=procedure[4] * 7 // 5)
        roll = rng.random()
        row = [code, procedure[0], rng.choice(["counter", "online", "postal"]), received.isoformat(timespec="minutes"),
               due.isoformat(timespec="minutes") if rng.random() < 0.5 else "", "", "", "", "", "", "", "", "", ""]
        if roll < 0.85:
            if not row[4]:
                row[4] = due.isoformat(timespec="minutes")
            late = rng.random() < 0.02
            completed = due + dt.timedelta(hours=30) if late else received + (due - received) * rng.random()
            row[5] = completed.isoformat(timespec="minutes")
            row[8] = rng.choice(["approved"] * 9 + ["refused"])
            if rng.random() < 0.9:
                row[6] = (completed + dt.timedelta(hours=2)).isoformat(timespec="minutes")
                row[7] = rng.choice(["counter", "postal"])
            if late:
                row[9:14] = [procedure[3], "Thẩm định", rng.choice(["actual", "system_only"]),
                             "Chờ xác minh, bổ sung", rng.choice(["true", "false"])]
        elif roll < 0.88:
            row[5] = (received + dt.timedelta(days=1)).isoformat(timespec="minutes")
            row[8] = "withdrawn"
        w.writerow(row)
print(f"wrote {count} dossiers to {folder}")
