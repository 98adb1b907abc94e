"""The house rules as readers read them: each rule's name and what it asks, why the engine matched a
passage (its explanation key), and a comment's text with the matched words marked.

The nudge in the comment form uses these; so can any page that shows the engine's findings."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The rules of the house rules page, in the words readers know from it.
RULE_NAMES = {
    "abusive": _("Be polite"),
    "off_topic": _("No off-topic comments"),
    "advertising": _("No advertisements"),
    "filthy": _("No abusive or filthy language"),
}

RULE_MEANINGS = {
    "abusive": _("Argue with ideas, not with persons: insults, threats and mockery have no place here."),
    "off_topic": _("Keep to the subject of the article, or of the comment you answer."),
    "advertising": _("Advertisements of any kind, including links to shops and services, are removed."),
    "filthy": _("Obscene and vulgar words are not allowed in any of our three languages."),
}

# The engine's explanation keys (see tribune/houserules): why a passage matched.
EXPLANATIONS = {
    "abusive.classifier": _("Words that read as an insult or an attack on a person."),
    "abusive.insult": _("An insult."),
    "filthy.lexicon": _("An obscene or vulgar word."),
    "filthy.quoted": _("An obscene word, even in a quotation."),
    "advertising.link": _("A link to a shop or a service, or a shortened link that hides where it leads."),
    "advertising.phone": _("A telephone number."),
    "advertising.messenger": _("A Telegram, WhatsApp or Viber contact."),
    "advertising.price": _("A price or a discount."),
    "advertising.promo": _("Words that sell or promote something."),
    "advertising.repeated": _("The same text was posted a moment ago from other accounts."),
    "off_topic.unrelated": _("The comment does not seem to be about the article."),
    "off_topic.reply_unrelated": _(
        "The reply seems to be about neither the comment it answers nor the article."
    ),
}


def rule_name(rule):
    return RULE_NAMES.get(rule, _("The house rules"))


def _spans(text, findings):
    """The character spans of `text` to mark: findings whose span holds their evidence (a finding
    over the whole text, such as off-topic, marks nothing), overlapping spans merged."""
    spans = []
    for finding in findings or ():
        try:
            start, end = int(finding["start"]), int(finding["end"])
        except (KeyError, TypeError, ValueError):
            continue
        evidence = finding.get("evidence") or ""
        if not evidence or not 0 <= start < end <= len(text) or text[start:end] != evidence:
            continue
        spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@register.filter
def marked(text, findings):
    """`text` as safe HTML, every character escaped, the findings' words inside <mark>."""
    text = str(text or "")
    parts, position = [], 0
    for start, end in _spans(text, findings):
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the reader's text is escaped


def explain(rules, findings):
    """What the reader is told for each rule the comment may break: the rule's name, what it asks,
    and the matched words grouped by why they matched, in the order the rules were given."""
    explained = []
    for rule in dict.fromkeys(rules or ()):
        reasons = {}
        for finding in findings or ():
            if finding.get("rule") != rule:
                continue
            key = finding.get("key", "")
            reason = reasons.setdefault(key, {"explanation": EXPLANATIONS.get(key, ""), "words": []})
            word = (finding.get("evidence") or "").strip()
            if word and word not in reason["words"]:
                reason["words"].append(word)
        explained.append(
            {
                "rule": rule,
                "name": rule_name(rule),
                "meaning": RULE_MEANINGS.get(rule, ""),
                "reasons": [r for r in reasons.values() if r["explanation"] or r["words"]],
            }
        )
    return explained


@register.simple_tag
def explain_rules(rules, findings):
    return explain(rules, findings)
