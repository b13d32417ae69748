"""The editors' command line.

    python -m build_tools outline FILE     the parsed structure of a report, as JSON
    python -m build_tools check            validate every file in seeds/
    python -m build_tools candidates       quoted phrases neither in the glossary nor the not-a-term list
    python -m build_tools metrics FILE     the figures of a report, as JSON

Every failure is one line per problem (``seeds/x.yml:12: …``) and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import yaml

from .edition import Seeds
from .errors import SeedError

CONFIG = "mkdocs.yml"


def seeds_from_config(config: str = CONFIG) -> Seeds:
    """The seed paths named in mkdocs.yml, so the command line and the site read the same files."""
    with open(config, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    plugins = data.get("plugins") or {}
    options = plugins.get("report") or {} if isinstance(plugins, dict) else {}
    root = Path(config).resolve().parent
    path = lambda key: root / options[key] if options.get(key) else None  # noqa: E731
    return Seeds(report=path("report"), overrides=path("overrides"), glossary=path("glossary"),
                 not_terms=path("not_terms"), metrics=path("metrics"), corrections=path("corrections"),
                 search_words=path("search_words"))


def outline(args) -> int:
    from .parse import parse_file
    from .structure import annotate_structure
    from .overrides import load_overrides

    report = parse_file(args.file)
    overrides = load_overrides(args.overrides, report) if args.overrides else None
    report = annotate_structure(report, overrides)
    _print_json(asdict(report))
    return 0


def check(args) -> int:
    from .edition import check_seeds

    count = check_seeds(seeds_from_config(args.config))
    print(f"ok: {count} seed files valid")
    return 0


def candidates(args) -> int:
    from .edition import load_report
    from .glossary import candidates as find, load_glossary, load_not_terms

    seeds = seeds_from_config(args.config)
    report = load_report(seeds)
    found = find(report, load_glossary(seeds.glossary, report), load_not_terms(seeds.not_terms))
    for phrase, where in found:
        print(f"{phrase}\t{', '.join(where)}")
    return 0


def metrics(args) -> int:
    from . import metrics as m
    from .parse import parse_file
    from .structure import annotate_structure

    report = annotate_structure(parse_file(args.file))
    overrides = m.load_overrides(args.overrides) if args.overrides else None
    print(m.to_json(m.extract(report, overrides)))
    return 0


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("outline", help="print the parsed structure of a report file as JSON")
    p.add_argument("file")
    p.add_argument("--overrides", help="seeds/overrides.yml to apply")
    p.set_defaults(run=outline)
    p = sub.add_parser("check", help="validate every file in seeds/")
    p.add_argument("--config", default=CONFIG)
    p.set_defaults(run=check)
    p = sub.add_parser("candidates", help="list quoted phrases not yet in the glossary or the not-a-term list")
    p.add_argument("--config", default=CONFIG)
    p.set_defaults(run=candidates)
    p = sub.add_parser("metrics", help="print the figures of a report file as JSON")
    p.add_argument("file")
    p.add_argument("--overrides", help="seeds/metrics.yml to apply")
    p.set_defaults(run=metrics)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SeedError as exc:
        print(f"error: {exc}" if "\n" not in str(exc) else str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
