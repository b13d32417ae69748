"""The editors' command line.

    python -m build_tools outline FILE     the parsed structure of a report, as JSON
    python -m build_tools check            validate every file in seeds/
    python -m build_tools candidates       quoted phrases neither in the glossary nor the not-a-term list
    python -m build_tools metrics FILE     the figures of a report, as JSON
    python -m build_tools po-template OUT  the translation template (OUT.pot) of the configured report
    python -m build_tools po-template --labels OUT  the template of a translated edition's UI labels
    python -m build_tools po-template --pages DIR   en-glossary.pot and en-metrics.pot, in folder DIR
    python -m build_tools pages OUT        an edition's docs tree (Markdown, data files, nav.yml) for any MkDocs engine

Every failure is one line per problem (``seeds/x.yml:12: …``) and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from build_tools.annotate.load import load_metrics, load_report
from build_tools.seeds.errors import SeedError, workflow_commands
from build_tools.seeds.paths import Seeds, seeds_from_options

CONFIG = "mkdocs.yml"


def site_config(config: str = CONFIG):
    """mkdocs.yml as MkDocs reads it, with a report plugin; else one line saying which file to fix."""
    from mkdocs.exceptions import Abort, ConfigurationError

    from build_tools.mkdocs_plugin.config import load_site_config

    try:
        loaded = load_site_config(config)
    except (Abort, ConfigurationError) as exc:
        # MkDocs has logged the details; one line says which file to fix.
        raise SeedError(config, None, f"not a valid MkDocs configuration ({exc})") from None
    if loaded.plugins.get("report") is None:
        raise SeedError(config, None, "no 'report' plugin configured; add it under 'plugins:'")
    return loaded


def seeds_from_config(config: str = CONFIG) -> Seeds:
    """The seed paths as the build reads them: from the report plugin's validated options."""
    return seeds_from_options(Path(config).resolve().parent, site_config(config).plugins["report"].config)


def seeds_for(file: str, config: str = CONFIG) -> Seeds:
    """Seeds for a report file: the configured ones for the configured report, none for another text.

    An override names sentences and figures of one report; applied to another year's
    text it could only fail, so another file is read plain.
    """
    seeds = seeds_from_config(config) if Path(config).exists() else None
    if seeds and Path(file).resolve() == seeds.report.resolve():
        return seeds
    return Seeds(report=Path(file), overrides=None)


def outline(args) -> int:
    _print_json(asdict(load_report(seeds_for(args.file, args.config))))
    return 0


def check(args) -> int:
    from build_tools.editions.check import check_seeds, check_translated_pages
    from build_tools.mkdocs_plugin import editions

    notes: list[str] = []
    seeds = seeds_from_config(args.config)
    count, warnings = check_seeds(seeds, strict=args.strict, notes=notes)
    root = Path(args.config).resolve().parent
    translated = [
        editions.resolved(e, root) for e in editions.entries(site_config(args.config).plugins["report"].config)
    ]
    count += check_translated_pages(seeds, translated, args.strict, notes)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
        for line in workflow_commands(warning, "warning"):
            print(line)
    print("\n".join(notes + [f"ok: {count} seed files valid" + (f", {len(warnings)} warning(s)" if warnings else "")]))
    return 0


def candidates(args) -> int:
    from build_tools.annotate.glossary import candidates as find
    from build_tools.annotate.glossary import load_glossary, load_not_terms

    seeds = seeds_from_config(args.config)
    if seeds.glossary is None:
        raise SeedError(args.config, None, "no glossary configured; name it in the report plugin's 'glossary' option")
    report = load_report(seeds)
    # Not load_entries: listing the missing phrases is this command's purpose, not an error.
    found = find(report, load_glossary(seeds.glossary, report), load_not_terms(seeds.not_terms))
    for phrase, where in found:
        print(f"{phrase}\t{', '.join(where)}")
    return 0


def metrics(args) -> int:
    from build_tools.annotate.metrics import to_json

    seeds = seeds_for(args.file, args.config)
    figures, _ = load_metrics(seeds, load_report(seeds))
    print(to_json(figures))
    return 0


def po_template(args) -> int:
    from build_tools.editions.translation import write_template
    from build_tools.editions.ui_labels import labels_template

    if args.labels:
        count = write_template(labels_template(), args.out)
        print(f"{args.out}: {count} labels")
        return 0
    if args.pages:
        from build_tools.editions.english_pages import write_templates

        # OUT is a folder: en-glossary.pot and en-metrics.pot are written in it.
        for path, n in write_templates(seeds_from_config(args.config), args.out).items():
            print(f"{path}: {n} texts")
        return 0
    count = write_template(load_report(seeds_from_config(args.config)), args.out)
    print(f"{args.out}: {count} units")
    return 0


def pages(args) -> int:
    from build_tools.export import write_all, write_pages

    loaded = site_config(args.config)
    out = Path(args.out)
    written = write_all(loaded, out) if args.all else write_pages(loaded, out, args.edition)
    print("\n".join(f"{path}: docs tree and {path / 'nav.yml'} written" for path in written))
    return 0


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("outline", help="print the parsed structure of a report file as JSON")
    p.add_argument("file")
    p.add_argument("--config", default=CONFIG, help="for the configured report, its overrides apply")
    p.set_defaults(run=outline)
    p = sub.add_parser("check", help="validate every file in seeds/")
    p.add_argument("--config", default=CONFIG)
    p.add_argument("--strict", action="store_true", help="a missing, fuzzy or obsolete translation is an error")
    p.set_defaults(run=check)
    p = sub.add_parser("candidates", help="list quoted phrases not yet in the glossary or the not-a-term list")
    p.add_argument("--config", default=CONFIG)
    p.set_defaults(run=candidates)
    p = sub.add_parser("metrics", help="print the figures of a report file as JSON")
    p.add_argument("file")
    p.add_argument("--config", default=CONFIG, help="for the configured report, seeds/metrics.yml applies")
    p.set_defaults(run=metrics)
    p = sub.add_parser("po-template", help="write the translation template (a .pot file) of the configured report")
    p.add_argument("out")
    p.add_argument("--config", default=CONFIG)
    p.add_argument("--labels", action="store_true", help="the template of a translated edition's UI labels instead")
    p.add_argument("--pages", action="store_true", help="the glossary and metrics pages' templates, in folder OUT")
    p.set_defaults(run=po_template)
    p = sub.add_parser("pages", help="write the generated docs tree (Markdown, data files, nav.yml) of an edition")
    p.add_argument("out", help="a new folder")
    p.add_argument("--config", default=CONFIG)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--edition", help="the lang of an edition (default: the configured edition)")
    which.add_argument("--all", action="store_true", help="every edition, each in OUT/<lang>")
    p.set_defaults(run=pages)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SeedError as exc:
        # Exactly `path:line: message`, one line per problem, as editors are promised.
        print(exc, file=sys.stderr)
        for line in workflow_commands(exc):
            print(line)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
