"""Compile the project's .po catalogues to .mo with Babel, so that no GNU gettext is needed.

Each LC_MESSAGES folder compiles to one `django.mo`: all its .po files are merged, in name order,
so that a part of the site (the desk, say) can keep its strings in a catalogue of its own."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


def merged_catalog(po_paths, locale):
    """The first catalogue (django.po where there is one: its header and plural forms) with the
    translated messages of the others added."""
    po_paths = sorted(po_paths, key=lambda p: (p.name != "django.po", p.name))
    merged = None
    for po_path in po_paths:
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=locale)
        if merged is None:
            merged = catalog
            continue
        for message in catalog:
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    return merged


class Command(BaseCommand):
    help = (
        "Compile the .po files under LOCALE_PATHS into one django.mo per language (only those that changed)."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in map(Path, settings.LOCALE_PATHS):
            for messages_dir in sorted(locale_dir.glob("*/LC_MESSAGES")):
                po_paths = sorted(messages_dir.glob("*.po"))
                mo_path = messages_dir / "django.mo"
                if not po_paths:
                    continue
                newest = max(p.stat().st_mtime for p in po_paths)
                if mo_path.exists() and mo_path.stat().st_mtime >= newest:
                    continue
                catalog = merged_catalog(po_paths, messages_dir.parent.name)
                with mo_path.open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                compiled += 1
        self.stdout.write(f"{compiled} catalogue(s) compiled.")
