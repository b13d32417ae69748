"""`make bench`: how long the generator and the build take, and what a phone downloads.

Figures are medians of several runs; nothing here asserts a time (speed is
measured, never tested).
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .cli import seeds_from_config
from .edition import build_edition, load_report
from .glossary import report_text
from .numerals import DIGITS

RUNS = 5


def median_time(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def numeral(n: int) -> str:
    """1..99 as a heading numeral (一 … 九十九)."""
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else DIGITS[tens]) + ("十" if tens else "") + (DIGITS[ones] if ones else "")


def synthetic(seeds, tmp: Path, factor: int = 10, terms: int = 2000):
    """A report `factor` times longer (its parts repeated, renumbered) and a glossary of `terms` entries."""
    text = seeds.report.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, l in enumerate(lines) if re.match(r"^\s*一、", l))
    front, body = lines[:first], lines[first:]
    out, n = list(front), 0
    for _ in range(factor):
        for line in body:
            m = re.match(r"^(\s*)[一二三四五六七八九十]+、(.*)$", line)
            if m and len(line) < 50:
                n += 1
                line = f"{m.group(1)}{numeral(n)}、{m.group(2)}"
            out.append(line)
    report = tmp / "report.txt"
    report.write_text("\n".join(out), encoding="utf-8")
    body_text = report_text(load_report(seeds))
    words = sorted({body_text[i:i + 4] for i in range(0, len(body_text) - 4, 3)
                    if re.fullmatch(r"[\u4e00-\u9fff]{4}", body_text[i:i + 4])})[:terms]
    glossary = [{"term": w, "en": "term", "category": "测试", "definition": f"合成词条{k}。", "basis": "合成数据"}
                for k, w in enumerate(words)]
    path = tmp / "glossary.yml"
    path.write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    return report, path, len(words)


def generator(seeds) -> float:
    """Parse to Markdown, both editions."""
    return median_time(lambda: (build_edition(seeds), build_edition(seeds, "s2tw")))


def whole_build(runs: int = 3) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    def build():
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
                           check=True, env=env, capture_output=True)
    return median_time(build, runs)


def first_view_bytes(site: Path, page: str) -> dict[str, int]:
    """Gzipped bytes of what a first visit to `page` fetches: the HTML, what it links, the search index."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    refs = re.findall(r'<(?:script[^>]*\bsrc|link[^>]*rel="(?:stylesheet|icon)"[^>]*\bhref)="([^"]+)"', html)
    files = {html_path} | {(html_path.parent / r.split("?")[0]).resolve() for r in refs if not r.startswith("http")}
    files.add(site / "search" / "search_index.json")
    files.add(site / "assets" / "javascripts" / "workers" / next(p.name for p in (site / "assets/javascripts/workers").glob("search*.js")))
    return {str(f.relative_to(site.resolve()) if f.is_absolute() and str(f).startswith(str(site.resolve())) else f):
            len(gzip.compress(f.read_bytes(), 9)) for f in sorted(files) if f.exists()}


def main() -> int:
    seeds = seeds_from_config()
    print("benchmark (medians)")
    t = generator(seeds)
    print(f"  generator, report, both editions:           {t * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        report, glossary, count = synthetic(seeds, Path(tmp))
        seeds10 = type(seeds)(**{**seeds.__dict__, "report": report, "glossary": glossary, "metrics": seeds.metrics,
                                 "search_words": None})
        t10 = generator(seeds10)
        size = report.stat().st_size // 1024
        print(f"  generator, 10x report ({size} KiB) + {count}-term glossary: {t10 * 1000:8.1f} ms  ({t10 / t:.1f}x)")
    build = whole_build()
    print(f"  whole build (both editions, mkdocs --strict): {build:8.2f} s")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", out], check=True,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True)
        sizes = first_view_bytes(Path(out).resolve(), "part-3/section-1")
    print(f"  first view of /part-3/section-1/, gzipped:  {sum(sizes.values()) / 1000:8.1f} KB")
    for name, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"      {n / 1000:7.1f} KB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
