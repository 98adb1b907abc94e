"""What a reader sees in each language: the home page, an article, the search, the language
switcher, the keyboard, accessibility (axe-core) and a phone-sized screen."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest

from .conftest import AXE_JS

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ru", "hy"]
# Letters of each language's script, to tell a page in one language from a page in another.
SCRIPT = {
    "en": re.compile(r"[A-Za-z]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "hy": re.compile(r"[\u0531-\u0556\u0561-\u0587]"),
}
# The agency as the demo names it in each language (Settings → Newsroom).
AGENCY = {"en": "Tribune", "ru": "Трибуна", "hy": "Տրիբունա"}
BLOCKING_IMPACTS = {"serious", "critical"}

ARTICLES_SQL = """
    SELECT p.id, p.translation_key, p.url_path, l.language_code AS lang, ct.model
    FROM wagtailcore_page p
    JOIN wagtailcore_locale l ON l.id = p.locale_id
    JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE ct.app_label = 'newsroom' AND ct.model IN ('articlepage', 'homepage') AND p.live
    ORDER BY p.id
"""


@pytest.fixture(scope="session")
def live_articles(demo_site):
    """Every live article of the demo: {"pk", "lang", "translation_key", "url"}, from the database."""
    rows = demo_site.query(ARTICLES_SQL)
    homes = {row["lang"]: row["url_path"] for row in rows if row["model"] == "homepage"}
    return [
        {
            "pk": row["id"],
            "lang": row["lang"],
            "translation_key": row["translation_key"],
            "url": f"/{row['lang']}/{row['url_path'][len(homes[row['lang']]) :]}",
        }
        for row in rows
        if row["model"] == "articlepage"
    ]


def translation_key_of(demo_site, pk):
    return demo_site.query("SELECT translation_key FROM wagtailcore_page WHERE id = ?", (pk,))[0][0]


# Helpers ------------------------------------------------------------------------------------


def open_page(page, path):
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.ok, f"{path} answered {response.status}"
    return response


def html_lang(page):
    return page.evaluate("document.documentElement.lang")


def path_of(page):
    return urlsplit(page.url).path


def lead_story_link(page, lang):
    """Open the home page of `lang` and return the link of its lead story."""
    open_page(page, f"/{lang}/")
    link = page.locator(".lead-story .card__title a")
    assert link.count() == 1, "the home page has no lead story"
    return link


def lead_article_path(page, lang):
    return lead_story_link(page, lang).get_attribute("href")


def longest_word(title):
    words = [word for word in re.findall(r"\w+", title) if not word.isdigit()]
    assert words, f"no word to search for in {title!r}"
    return max(words, key=len)


def image_loaded(locator):
    return locator.evaluate("img => img.complete && img.naturalWidth > 0")


LOAD_EVERY_IMAGE_JS = """async () => {
    const pause = () => new Promise(resolve => setTimeout(resolve, 30));
    // Scroll down a screen at a time, so that images with loading="lazy" are fetched, then back up.
    for (let y = 0; y < document.scrollingElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await pause();
    }
    window.scrollTo(0, 0);
    await Promise.all([...document.images].filter(img => !img.complete).map(img => new Promise(resolve => {
        img.addEventListener("load", resolve);
        img.addEventListener("error", resolve);
    })));
    return [...document.images].filter(img => img.naturalWidth === 0).map(img => img.currentSrc || img.src);
}"""


def load_every_image(page):
    """Scroll through the page so that lazy images load as they would for a reader; returns the
    addresses of the images that failed to load."""
    return page.evaluate(LOAD_EVERY_IMAGE_JS)


def run_axe(page):
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:120]} — {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


# Reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_shows_lead_story_editors_choice_and_pictures_in_its_language(page, lang, screenshots_dir):
    open_page(page, f"/{lang}/")

    assert html_lang(page) == lang
    assert page.locator("h1").count() == 1
    lead_title = page.locator(".lead-story .card__title")
    assert lead_title.is_visible()
    assert SCRIPT[lang].search(lead_title.inner_text()), (
        f"lead story not in {lang}: {lead_title.inner_text()}"
    )
    choice = page.locator(".editors-choice")
    assert choice.get_by_role("heading").is_visible()
    assert choice.locator("ol > li").count() >= 1
    assert choice.locator("ol > li a").first.is_visible()

    broken = load_every_image(page)
    assert not broken, f"pictures that did not load: {broken}"
    page.screenshot(path=screenshots_dir / f"{lang}-home-desktop.png", full_page=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_opened_from_home_page_shows_headline_credited_photo_dateline_and_pictures(
    page, lang, screenshots_dir
):
    link = lead_story_link(page, lang)
    headline = link.inner_text().strip()
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(lambda url: unquote(urlsplit(url).path) == unquote(href))

    assert path_of(page).startswith(f"/{lang}/")
    assert html_lang(page) == lang
    h1 = page.locator("main h1")
    assert h1.count() == 1
    assert h1.is_visible()
    assert h1.inner_text().strip() == headline

    photo = page.locator(".lead-image img")
    assert photo.is_visible()
    assert image_loaded(photo), "the lead image did not load"
    assert photo.get_attribute("alt"), "the lead image has no alternative text"
    credit = page.locator(".lead-image figcaption .credit")
    assert credit.is_visible()
    assert credit.inner_text().strip(), "the credit under the lead image is empty"
    assert credit.bounding_box()["y"] >= photo.bounding_box()["y"] + photo.bounding_box()["height"] - 1, (
        "the credit is not under the photo"
    )

    dateline = page.locator(".article__body .dateline").first
    assert dateline.is_visible()
    dateline_text = dateline.inner_text().strip()
    assert re.fullmatch(rf"\S.* /{AGENCY[lang]}/\.", dateline_text), f"dateline reads {dateline_text!r}"
    body_text = page.locator(".article__body").inner_text().strip()
    assert body_text.startswith(dateline_text), (
        f"the body does not open with the dateline: {body_text[:80]!r}"
    )

    choice = page.locator(".editors-choice")
    assert choice.is_visible()
    assert choice.locator("ol > li a").count() >= 1

    broken = load_every_image(page)
    assert not broken, f"pictures that did not load: {broken}"
    page.screenshot(path=screenshots_dir / f"{lang}-article-desktop.png", full_page=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_box_in_header_finds_articles_in_the_same_language(page, lang, screenshots_dir):
    link = lead_story_link(page, lang)
    article_path = link.get_attribute("href")
    word = longest_word(link.inner_text())

    box = page.locator("header form[role=search] input[type=search]")
    box.fill(word)
    box.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/search/"))

    assert path_of(page) == f"/{lang}/search/"
    assert parse_qs(urlsplit(page.url).query)["q"] == [word]
    assert html_lang(page) == lang
    assert page.locator("main h1").is_visible()
    results = page.locator("main .card__title a")
    assert results.count() >= 1, f"no results for {word!r} in {lang}"
    found = []
    for index in range(results.count()):
        result = results.nth(index)
        href, title = result.get_attribute("href"), result.inner_text()
        assert href.startswith(f"/{lang}/"), f"result {href} is not in {lang}"
        assert SCRIPT[lang].search(title), f"result {title!r} is not in {lang}"
        found.append(href)
    assert article_path in found, f"the article whose title holds {word!r} is not among the results"
    assert results.first.is_visible()

    load_every_image(page)  # for the screenshot
    page.screenshot(path=screenshots_dir / f"{lang}-search-desktop.png", full_page=True)


# Language switcher --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_leads_to_the_translation_of_the_article(page, demo_site, live_articles, lang):
    by_key = {}
    for article in live_articles:
        by_key.setdefault(article["translation_key"], {})[article["lang"]] = article
    # Prefer the next language round the list, so that every pair direction gets exercised.
    position = LANGUAGES.index(lang)
    preferred = [LANGUAGES[(position + step) % len(LANGUAGES)] for step in (1, 2)]
    pairs = [
        (versions[lang], other)
        for other in preferred
        for versions in by_key.values()
        if lang in versions and other in versions
    ]
    assert pairs, f"the demo has no {lang} article with a translation"
    source, target = pairs[0]
    open_page(page, source["url"])
    assert html_lang(page) == lang

    switch = page.locator(f"nav.languages a[hreflang={target}]")
    assert switch.get_attribute("data-fallback") is None
    switch.click()
    page.wait_for_url(lambda url: urlsplit(url).path.startswith(f"/{target}/"))

    assert path_of(page).startswith(f"/{target}/")
    assert html_lang(page) == target
    landed_pk = int(page.locator("article[data-article-id]").get_attribute("data-article-id"))
    assert landed_pk != source["pk"]
    assert translation_key_of(demo_site, landed_pk) == source["translation_key"]
    assert page.locator("main h1").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_without_translation_leads_to_that_languages_home_page(page, live_articles, lang):
    languages_of = {}
    for article in live_articles:
        languages_of.setdefault(article["translation_key"], set()).add(article["lang"])
    candidates = [
        (article, missing)
        for article in live_articles
        if article["lang"] == lang
        for missing in LANGUAGES
        if missing not in languages_of[article["translation_key"]]
    ]
    if not candidates:
        pytest.skip(f"every {lang} article of the demo is translated into every language")
    source, missing = candidates[0]
    open_page(page, source["url"])
    assert html_lang(page) == lang

    switch = page.locator(f"nav.languages a[hreflang={missing}]")
    assert switch.get_attribute("data-fallback") == "home"
    switch.click()
    page.wait_for_url(lambda url: urlsplit(url).path == f"/{missing}/")

    assert path_of(page) == f"/{missing}/"
    assert html_lang(page) == missing
    lead_title = page.locator(".lead-story .card__title").inner_text()
    assert SCRIPT[missing].search(lead_title), f"the {missing} home page leads with {lead_title!r}"


# Keyboard, accessibility, small screens -----------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, lang):
    open_page(page, lead_article_path(page, lang))

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
        " return {cls: el.className, href: el.getAttribute('href'), top: box.top, height: box.height}; }"
    )
    assert focused["cls"] == "skip-link", f"the first Tab stop is {focused}"
    assert focused["href"] == "#main"
    assert focused["top"] >= 0
    assert focused["height"] > 0
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("kind", ["home", "article", "search"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_has_no_serious_accessibility_violations(page, lang, kind):
    if kind == "home":
        open_page(page, f"/{lang}/")
    elif kind == "article":
        open_page(page, lead_article_path(page, lang))
    else:
        word = longest_word(lead_story_link(page, lang).inner_text())
        open_page(page, f"/{lang}/search/?{urlencode({'q': word})}")
        assert page.locator("main .card").count() >= 1

    results = run_axe(page)
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core on {page.url}:\n{describe_violations(blocking)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_fits_a_phone_screen_without_horizontal_scrolling(mobile_page, lang, screenshots_dir):
    open_page(mobile_page, lead_article_path(mobile_page, lang))
    assert mobile_page.viewport_size == {"width": 375, "height": 812}
    load_every_image(mobile_page)  # the whole article as laid out once every picture is in

    widths = mobile_page.evaluate(
        "({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"], (
        f"the article is {widths['scroll']}px wide on a {widths['inner']}px screen"
    )
    assert mobile_page.locator("main h1").is_visible()

    mobile_page.screenshot(path=screenshots_dir / f"{lang}-article-mobile.png", full_page=True)
