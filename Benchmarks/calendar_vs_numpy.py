#!/usr/bin/env python3
"""Side by side, in one run: WorkingCalendar's "add N working days" and numpy.busday_offset on the same
1,000,000 random inputs and the same holiday list. Prints a Markdown table for BENCHMARKS.md.

usage: python3 Benchmarks/calendar_vs_numpy.py [COUNT]   (builds the Swift benchmark in release mode)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["swift", "build", "-c", "release", "--product", "CalendarBenchmark"], cwd=root, check=True,
               stdout=subprocess.DEVNULL)
binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                        capture_output=True, text=True).stdout.strip() + "/CalendarBenchmark"

with tempfile.TemporaryDirectory() as folder:
    swift = json.loads(subprocess.run([binary, folder, str(count)], check=True, capture_output=True,
                                      text=True).stdout)
    data = np.genfromtxt(os.path.join(folder, "inputs.csv"), delimiter=",", skip_header=1, dtype=str)
    starts = data[:, 0].astype("datetime64[D]")
    offsets = data[:, 1].astype(np.int64)
    swift_results = data[:, 2].astype("datetime64[D]")
    holidays = np.loadtxt(os.path.join(folder, "holidays.txt"), dtype="datetime64[D]")
    makeup = np.loadtxt(os.path.join(folder, "makeup_days.txt"), dtype="datetime64[D]", ndmin=1)

calendar = np.busdaycalendar(weekmask="1111100", holidays=holidays)
best = float("inf")
for _ in range(5):
    begin = time.perf_counter()
    numpy_results = np.busday_offset(starts, offsets, roll="forward", busdaycal=calendar)
    best = min(best, time.perf_counter() - begin)

# numpy's calendar has no make-up Saturdays, so results differ exactly where a make-up Saturday
# falls between the start and the due date; everywhere else both must agree to the day.
differs = numpy_results != swift_results
low = np.minimum(starts, numpy_results)
high = np.maximum(swift_results, numpy_results)
explained = np.zeros(len(starts), dtype=bool)
for day in makeup:
    explained |= (low <= day) & (day <= high)
unexplained = int(np.sum(differs & ~explained))

swift_ns = swift["ns_per_date"]
numpy_ns = best / count * 1e9
print(f"| implementation | {count:,} dates | ns per date |")
print("|---|---|---|")
print(f"| MotCua WorkingCalendar.addingWorkingDays (Swift, release) | {swift['seconds']:.4f} s | {swift_ns:.1f} |")
print(f"| numpy.busday_offset (numpy {np.__version__}, vectorised) | {best:.4f} s | {numpy_ns:.1f} |")
print(f"\nratio numpy / MotCua = {numpy_ns / swift_ns:.2f} (above 1: MotCua is faster per date)")
print(f"results differing: {int(np.sum(differs)):,} (all across a make-up Saturday, which numpy cannot express); "
      f"unexplained: {unexplained}")
sys.exit(1 if unexplained else 0)
