"""Options of the ``report`` plugin, typed as Material's own plugins do."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EditionConfig(Config):
    """One edition of the site: its language tag, its name in the selector, where it lives."""

    lang = opt.Type(str)
    name = opt.Type(str)
    # Folder of the edition below the site root ("" for the default edition).
    path = opt.Type(str, default="")
    # Config file that builds it; the default edition's build builds the others.
    config = opt.Optional(opt.Type(str))
    # The OpenCC conversion that makes its text from the zh-Hans source ("" for zh-Hans itself).
    conversion = opt.Type(str, default="")


class ReportConfig(Config):
    # Seed files, relative to the directory of mkdocs.yml.
    report = opt.Type(str)
    overrides = opt.Type(str, default="seeds/overrides.yml")
    glossary = opt.Optional(opt.Type(str))
    not_terms = opt.Optional(opt.Type(str))
    metrics = opt.Optional(opt.Type(str))
    outcomes = opt.Optional(opt.Type(str))
    corrections = opt.Optional(opt.Type(str))
    search_words = opt.Optional(opt.Type(str))
    # The English translation (gettext PO) and the qualifiers it must carry.
    translation = opt.Optional(opt.Type(str))
    qualifiers = opt.Optional(opt.Type(str))

    # This build's edition (a lang of `editions`, where its conversion is named).
    edition = opt.Type(str, default="zh-Hans")
    editions = opt.ListOfItems(opt.SubConfig(EditionConfig), default=[])
