"""`make lighthouse`: Lighthouse scores of the built site, served as GitHub Pages would serve it.

Builds the site into a temporary directory, serves it with `devserver` (gzip,
under the path of mkdocs.yml's site_url, like the project site), runs npm's
pinned `lighthouse` (mobile, the default preset, simulated throttling) on a few
pages with Debian's Chromium, and prints the category scores per page, the
performance metrics, and the audits that fall short (score < 1).

The pages, unless named on the command line, are derived from the report
(`devserver.sample_pages`): the home page, the first section of the last part,
the glossary, the metrics page, and that section in the other edition.

It reports and never fails on a score: speed is measured, never asserted.

    python -m build_tools.lighthouse [--runs N] [--keep DIR] [PAGE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tools.devserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    build_site,
    sample_pages,
    serve,
    site_prefix,
)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]
TARGET = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def run_lighthouse(url: str, keep: Path | None = None, name: str = "") -> dict:
    """One Lighthouse run on `url` (mobile); the JSON report as a dict."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    if keep is not None:
        (keep / f"{name}.json").write_text(done.stdout, encoding="utf-8")
    report = json.loads(done.stdout)
    for warning in report.get("runWarnings") or []:
        print(f"    warning: {warning}", file=sys.stderr)
    return report


def scores(report: dict) -> dict[str, float | None]:
    """Category id -> score (0..1, None when Lighthouse could not score it)."""
    return {c: report["categories"][c]["score"] for c in CATEGORIES}


def metric_values(report: dict) -> dict[str, tuple[float, float | None]]:
    """Performance metric id -> (numeric value, score)."""
    audits = report["audits"]
    return {m: (audits[m].get("numericValue"), audits[m].get("score")) for m in METRICS}


def shortfalls(report: dict) -> list[tuple[str, str, str]]:
    """(category, audit id, title) of scored audits below 1: a11y/bp/seo audits and the perf metrics."""
    audits, out = report["audits"], []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            weighted = ref.get("weight", 0) > 0
            if category == "performance" and not weighted:
                continue
            if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] != "informative":
                out.append((category, ref["id"], audit.get("title", "")))
    return out


def audit_detail(report: dict, audit_id: str, limit: int = 3) -> str:
    """A short account of why `audit_id` fell short: its display value and a few offending items."""
    audit = report["audits"][audit_id]
    parts = [audit.get("displayValue") or ""]
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") or {}
        text = node.get("snippet") or node.get("selector") or item.get("url") or item.get("source") or ""
        if isinstance(text, dict):
            text = text.get("url", "")
        if text:
            parts.append(str(text)[:120])
    return " | ".join(p for p in parts if p)


def median(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def format_metric(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if metric == "cumulative-layout-shift":
        return f"{value:.3f}"
    return f"{value:.0f}ms" if metric == "total-blocking-time" else f"{value / 1000:.2f}s"


def summarise(page: str, reports: list[dict]) -> dict:
    """Medians of the category scores and metrics of one page's runs, and its shortfalls with counts."""
    falls = Counter(f for r in reports for f in set(shortfalls(r)))
    return {
        "page": page,
        "scores": {c: median([scores(r)[c] for r in reports]) for c in CATEGORIES},
        "metrics": {
            m: (median([metric_values(r)[m][0] for r in reports]), median([metric_values(r)[m][1] for r in reports]))
            for m in METRICS
        },
        "shortfalls": falls,
        "details": {f[1]: audit_detail(reports[-1], f[1]) for f in falls},
    }


def print_table(summaries: list[dict], runs: int) -> None:
    """Scores per page (below-target ones marked with !) and the perf metrics."""
    label = "median of " + str(runs) + " runs" if runs > 1 else "1 run"
    print(
        f"Lighthouse {lighthouse_version()}, mobile (simulated throttling), {label}; target perf >= 0.98, others 1.00"
    )
    width = max(len(s["page"]) for s in summaries)
    print(
        f"  {'page':<{width}}  "
        + "  ".join(f"{SHORT[c]:>5}" for c in CATEGORIES)
        + "   "
        + "  ".join(f"{m:>6}" for m in ("FCP", "LCP", "TBT", "CLS", "SI"))
    )
    for s in summaries:
        cells = []
        for c in CATEGORIES:
            v = s["scores"][c]
            cells.append("    -" if v is None else f"{v:.2f}{'!' if v < TARGET[c] else ' '}".rjust(5))
        metrics = "  ".join(f"{format_metric(m, s['metrics'][m][0]):>6}" for m in METRICS)
        print(f"  {s['page']:<{width}}  " + "  ".join(cells) + "   " + metrics)


def print_shortfalls(summaries: list[dict], runs: int) -> None:
    """Audits scoring below 1, per page, with how many runs they fell short in."""
    print("audits below 1 (category: id [runs] title — detail):")
    any_fall = False
    for s in summaries:
        for (category, audit_id, title), n in sorted(s["shortfalls"].items()):
            any_fall = True
            detail = s["details"].get(audit_id, "")
            print(
                f"  {s['page']}  {SHORT[category]}: {audit_id} [{n}/{runs}] {title}"
                + (f" — {detail}" if detail else "")
            )
    if not any_fall:
        print("  none")


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"


def measure(site: Path, pages: list[str], runs: int, keep: Path | None, prefix: str = "/") -> list[dict]:
    """Serve `site` under `prefix` and run Lighthouse `runs` times on each page (pages interleaved)."""
    server, base_url = serve(site, prefix=prefix)
    try:
        reports: dict[str, list[dict]] = {p: [] for p in pages}
        for run in range(runs):
            for page in pages:
                name = f"{(page.strip('/') or 'home').replace('/', '_')}.{run + 1}"
                print(f"  lighthouse {prefix}{page} (run {run + 1}/{runs})", file=sys.stderr)
                reports[page].append(run_lighthouse(base_url + page, keep, name))
    finally:
        server.shutdown()
        server.server_close()
    return [summarise(prefix + p, reports[p]) for p in pages]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "pages",
        nargs="*",
        help="paths under the site_url's path (default: home, the first section"
        " of the last part, glossary, metrics, and that section in the other edition)",
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the table shows medians")
    parser.add_argument("--keep", type=Path, help="directory to keep the JSON reports in")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm ci` (or `make lighthouse`)", file=sys.stderr)
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    prefix = site_prefix()
    pages = [p.lstrip("/") for p in args.pages] or [path for _, path in sample_pages()]
    with tempfile.TemporaryDirectory() as out:
        print("building the site…", file=sys.stderr)
        build_site(Path(out))
        summaries = measure(Path(out), pages, max(1, args.runs), args.keep, prefix)
    print_table(summaries, max(1, args.runs))
    print_shortfalls(summaries, max(1, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
