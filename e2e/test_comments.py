"""Readers' comments in the browser: a new reader signs up, confirms the address from the mail the
server prints, signs in and takes part in a conversation (comment, reply in place, edit, delete,
report), in English and in Armenian; the same without JavaScript; bad input; accessibility."""

from __future__ import annotations

import email
import re
import time
import uuid
from urllib.parse import urlsplit

import pytest

from .conftest import AXE_JS, DESKTOP, MOBILE

pytestmark = pytest.mark.browser

DEMO_READER = ("mark@tribune.example", "tribune-reader")  # see tribune/comments/demo.py
NEW_READER_PASSWORD = "quiet-harbour-1947"
MAX_LENGTH = 3000  # CommentSettings.max_length as the demo leaves it
PAGE_SIZE = 20  # top-level comments per page (tribune/comments/selectors.py)
BLOCKING_IMPACTS = {"serious", "critical"}
ARMENIAN = re.compile(r"[\u0531-\u0556\u0561-\u0587]")
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/accounts/confirm-email/[^\s\"'<>/]+/")

ARTICLES_SQL = """
    SELECT p.id, p.url_path, l.language_code AS lang,
           (SELECT COUNT(*) FROM comments_comment c WHERE c.article_id = p.id) AS comments,
           (SELECT COUNT(*) FROM comments_comment c
            WHERE c.article_id = p.id AND c.depth = 1 AND c.status = 'published') AS replies
    FROM wagtailcore_page p
    JOIN wagtailcore_locale l ON l.id = p.locale_id
    JOIN django_content_type ct ON ct.id = p.content_type_id
    JOIN newsroom_articlepage a ON a.page_ptr_id = p.id
    WHERE ct.app_label = 'newsroom' AND ct.model = 'articlepage' AND p.live AND a.comments_open
    ORDER BY p.id
"""
HOMES_SQL = """
    SELECT p.url_path, l.language_code AS lang
    FROM wagtailcore_page p
    JOIN wagtailcore_locale l ON l.id = p.locale_id
    JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE ct.app_label = 'newsroom' AND ct.model = 'homepage' AND p.live
"""
# Every test reader posts from 127.0.0.1, and the site allows one comment per address every 15
# seconds: the throwaway site drops that cooldown so that the tests need not sit and wait. The hourly
# limit (20 per reader or address) stays; these tests post fewer than that.
PREPARE_SITE = """
from django.contrib.auth import get_user_model
from tribune.comments.demo import _published
from tribune.comments.models import CommentSettings
from tribune.newsroom.models import ArticlePage

assert CommentSettings.objects.update(min_seconds_between_comments=0) >= 1
article = ArticlePage.objects.get(pk={article_pk})
readers = list(get_user_model().objects.filter(email__endswith="@tribune.example").order_by("pk"))
for number in range(1, {count} + 1):
    reader = readers[number % len(readers)]
    _published(article, reader, f"Scriptless thread, comment {{number}} of {count}.", None)
print("prepared")
"""
LONG_THREAD = PAGE_SIZE + 2


def expect(target):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


# The demo, ready for conversations ---------------------------------------------------------


@pytest.fixture(scope="session")
def articles(demo_site):
    """Open articles of the demo, as they were before these tests wrote anything:
    {lang: {"threads": [...], "quiet": [...]}}, each {"pk", "url"}; `threads` have the demo
    readers' conversation (a comment and a reply), `quiet` ones have no comment yet. The cooldown
    between two comments is dropped and the first quiet English article gets a long thread (more
    than a page of top-level comments) for the scriptless "More comments"."""
    homes = {row["lang"]: row["url_path"] for row in demo_site.query(HOMES_SQL)}
    found = {}
    for row in demo_site.query(ARTICLES_SQL):
        url = f"/{row['lang']}/{row['url_path'][len(homes[row['lang']]) :]}"
        found.setdefault(row["lang"], {"threads": [], "quiet": []})
        if row["replies"]:
            found[row["lang"]]["threads"].append({"pk": row["id"], "url": url})
        elif not row["comments"]:
            found[row["lang"]]["quiet"].append({"pk": row["id"], "url": url})
    for lang in ("en", "hy"):
        assert len(found.get(lang, {}).get("threads", [])) >= 3, f"the demo has too few {lang} conversations"
    assert found["en"]["quiet"], "the demo has no English article without comments"
    output = demo_site.manage(
        "shell", "-c", PREPARE_SITE.format(article_pk=found["en"]["quiet"][0]["pk"], count=LONG_THREAD)
    )
    assert "prepared" in output
    return found


def demo_conversation(demo_site, article_pk):
    """(top-level comment id, reply id) of the demo readers' conversation under an article: its
    first published reply and the comment it answers. (The desk's demo work, held and reported
    comments, sits under other articles and has no replies.)"""
    rows = demo_site.query(
        "SELECT id, parent_id FROM comments_comment"
        " WHERE article_id = ? AND depth = 1 AND status = 'published' ORDER BY id LIMIT 1",
        (article_pk,),
    )
    assert rows, f"no demo conversation under article {article_pk}"
    return rows[0]["parent_id"], rows[0]["id"]


# Helpers ------------------------------------------------------------------------------------


def new_tab(browser, demo_site, viewport=DESKTOP, **options):
    context = browser.new_context(viewport=viewport, device_scale_factor=1, base_url=demo_site.url, **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def open_page(page, path):
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.ok, f"{path} answered {response.status}"
    return response


def html_lang(page):
    return page.evaluate("document.documentElement.lang")


def path_of(page):
    return urlsplit(page.url).path


def submit(page, form_selector="main form"):
    """Press the form's submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(form_selector).locator("button[type=submit]").click()


def confirmation_link(demo_site, address, timeout=10):
    """The address-confirmation link of the newest mail to `address` that the console email
    backend printed into the server's log."""
    deadline = time.monotonic() + timeout
    while True:
        log = demo_site.server_log()
        to = log.rfind(f"\nTo: {address}\n")
        end = log.find("\n" + "-" * 79, to)
        if to != -1 and end != -1:
            start = log.rfind("\nContent-Type:", 0, to)
            message = email.message_from_string(log[start + 1 : end])
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    body = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
                    links = CONFIRM_LINK.findall(body)
                    assert links, f"no confirmation link in the mail to {address}:\n{body}"
                    return links[0]
        if time.monotonic() > deadline:
            pytest.fail(f"no mail to {address} in the server's log:\n{log[-3000:]}")
        time.sleep(0.2)


def sign_up_and_confirm(page, demo_site, lang, name):
    """A new reader signs up in `lang`, confirms their address by the link in the mail and signs
    in. Returns their address."""
    address = f"reader-{uuid.uuid4().hex[:10]}@example.org"
    open_page(page, f"/{lang}/accounts/signup/")
    assert html_lang(page) == lang
    assert_no_horizontal_scrolling(page)
    page.fill("#id_email", address)
    page.fill("#id_display_name", name)
    page.fill("#id_password1", NEW_READER_PASSWORD)
    page.fill("#id_password2", NEW_READER_PASSWORD)
    submit(page)
    assert path_of(page) == f"/{lang}/accounts/confirm-email/", f"sign-up ended on {page.url}"
    assert html_lang(page) == lang

    link = confirmation_link(demo_site, address)
    assert urlsplit(link).path.startswith(f"/{lang}/accounts/confirm-email/"), link
    open_page(page, link)
    assert html_lang(page) == lang
    assert page.locator("main").get_by_text(address).first.is_visible()
    submit(page)
    # allauth sends the reader, not yet signed in, to LOGIN_URL: in their language, not the browser's.
    assert path_of(page) == f"/{lang}/accounts/login/", f"confirming led to {page.url}"
    assert html_lang(page) == lang
    rows = demo_site.query(
        "SELECT verified FROM account_emailaddress WHERE email = ?",
        (address,),
    )
    assert [row["verified"] for row in rows] == [1], f"{address} is not verified after confirming"

    sign_in(page, lang, address, NEW_READER_PASSWORD, name)
    return address


def sign_in(page, lang, address, password, name=None):
    if path_of(page) != f"/{lang}/accounts/login/":
        open_page(page, f"/{lang}/accounts/login/")
    assert html_lang(page) == lang
    page.fill("#id_login", address)
    page.fill("#id_password", password)
    submit(page)
    assert not path_of(page).endswith("/accounts/login/"), f"{address} could not sign in"
    assert html_lang(page) == lang
    if name:
        expect(page.locator(".account-name")).to_have_text(name)


def comment_id_in_url(page):
    match = re.search(r"#comment-(\d+)$", page.url)
    assert match, f"not sent to a comment: {page.url}"
    return int(match.group(1))


def comment_in_thread(page, comment_id):
    """The comment's own part (not its replies)."""
    return page.locator(f"#comment-{comment_id} > article")


def counter_of(page, form="#comment-form"):
    return page.locator(f"{form} .comment-form__counter")


def write_comment(page, text, form="#comment-form"):
    """Type a comment into a form of the thread, watching the live counter, and post it.
    Returns the new comment's id."""
    area = page.locator(f"{form} textarea")
    counter = counter_of(page, form)
    expect(counter).to_have_text(f"0 / {MAX_LENGTH}")
    area.fill(text[:12])
    expect(counter).to_have_text(f"12 / {MAX_LENGTH}")
    area.fill(text)
    expect(counter).to_have_text(f"{len(text)} / {MAX_LENGTH}")
    expect(counter).not_to_have_class(re.compile("comment-form__counter--over"))
    submit(page, form)
    return comment_id_in_url(page)


def reply_in_place(page, parent_id, text):
    """Open the reply form under a comment (the page stays where it is), write, post."""
    before = page.url
    comment_in_thread(page, parent_id).locator("a[data-reply-to]").click()
    form = comment_in_thread(page, parent_id).locator("form#reply-form")
    expect(form).to_be_visible()
    assert page.url == before, "the reply link left the page instead of opening the form in place"
    assert page.locator("form#reply-form").count() == 1
    assert form.locator("input[name=parent]").get_attribute("value") == str(parent_id)
    assert page.evaluate("document.activeElement.id") == "reply-form-text", "the reply box is not focused"
    label = form.locator("label[for=reply-form-text]")
    assert label.count() == 1 and label.is_visible()
    return write_comment(page, text, form="#reply-form")


def assert_nested(page, parent_id, reply_id):
    reply = page.locator(f"#comment-{parent_id} > ol.thread--replies > li#comment-{reply_id}")
    expect(reply).to_be_visible()


def action_link(page, comment_id, suffix):
    """The comment's Edit, Delete or Report link, found by its address."""
    return comment_in_thread(page, comment_id).locator(f".comment__actions a[href$='/{suffix}/']")


def run_axe(page):
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")


def blocking_violations(page):
    violations = [v for v in run_axe(page)["violations"] if v["impact"] in BLOCKING_IMPACTS]
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:120]} — {summary}")
    return "\n".join(lines)


def assert_no_horizontal_scrolling(page):
    widths = page.evaluate("({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    assert widths["scroll"] <= widths["inner"], (
        f"{path_of(page)} is {widths['scroll']}px wide on a {widths['inner']}px screen"
    )


def screenshot_thread(page, screenshots_dir, name):
    """The comment section on a desktop and on a phone-sized screen; the thread must fit the phone."""
    page.set_viewport_size(DESKTOP)
    page.locator("#comments").screenshot(path=screenshots_dir / f"{name}-desktop.png")
    page.set_viewport_size(MOBILE)
    assert_no_horizontal_scrolling(page)
    page.locator("#comments").screenshot(path=screenshots_dir / f"{name}-mobile.png")
    page.set_viewport_size(DESKTOP)


# 1. A new reader takes part in a conversation -------------------------------------------------


def test_new_reader_signs_up_comments_replies_edits_deletes_and_reports(
    page, browser, demo_site, articles, screenshots_dir
):
    article = articles["en"]["threads"][1]
    demo_comment, demo_reply = demo_conversation(demo_site, article["pk"])
    sign_up_and_confirm(page, demo_site, "en", "Lena R.")

    open_page(page, article["url"])
    first_text = "A clear report. Which schools open first, and when?"
    first = write_comment(page, first_text)
    assert path_of(page) == article["url"]
    expect(comment_in_thread(page, first).locator(".comment__text")).to_have_text(first_text)
    expect(comment_in_thread(page, first).locator(".comment__author")).to_have_text("Lena R.")
    assert page.locator(f"#comments > ol.thread > li#comment-{first}").count() == 1, "not at the top level"

    reply_text = "Agreed, Mark: a follow-up with the final figures would help."
    comment_in_thread(page, demo_comment).locator("a[data-reply-to]").click()
    expect(page.locator("#reply-form label")).to_have_text("Your reply")
    expect(page.locator("#reply-form button[type=submit]")).to_have_text("Post reply")
    reply = reply_in_place(page, demo_comment, reply_text)
    assert_nested(page, demo_comment, reply)
    expect(comment_in_thread(page, reply).locator(".comment__text")).to_have_text(reply_text)

    second = write_comment(page, "Second thoughts: I will wait for the final figures.")
    expect(comment_in_thread(page, second)).to_be_visible()

    # Edit the first comment: the thread says it was edited.
    with page.expect_navigation():
        action_link(page, first, "edit").click()
    assert html_lang(page) == "en"
    edited_text = first_text + " (And where will the fourth one be built?)"
    page.fill("#edit-text", edited_text)
    submit(page)
    assert comment_id_in_url(page) == first
    expect(comment_in_thread(page, first).locator(".comment__text")).to_have_text(edited_text)
    expect(comment_in_thread(page, first).locator(".comment__edited")).to_have_text("edited")

    # Delete the second one: it leaves the thread (it has no replies).
    with page.expect_navigation():
        action_link(page, second, "delete").click()
    expect(page.locator("main h1")).to_have_text("Delete your comment?")
    submit(page)
    assert path_of(page) == article["url"]
    expect(page.locator(f"#comment-{second}")).to_have_count(0)
    expect(comment_in_thread(page, first)).to_be_visible()

    # Report someone else's comment, choosing a reason.
    assert action_link(page, demo_reply, "edit").count() == 0
    with page.expect_navigation():
        action_link(page, demo_reply, "report").click()
    expect(page.locator("main h1")).to_have_text("Report a comment")
    page.get_by_label("Off-topic", exact=True).check()
    submit(page, "main form.report-form")
    expect(page.locator("main h1")).to_have_text("Thank you")
    expect(page.get_by_role("status")).to_contain_text("The editors will look at this comment.")
    reports = demo_site.query("SELECT reason FROM comments_report WHERE comment_id = ?", (demo_reply,))
    assert [row["reason"] for row in reports] == ["off_topic"]

    open_page(page, article["url"] + "#comments")
    screenshot_thread(page, screenshots_dir, "en-comments")

    # Another reader sees the conversation as it now stands.
    context, other = new_tab(browser, demo_site)
    try:
        sign_in(other, "en", *DEMO_READER, name="Mark T.")
        open_page(other, article["url"])
        expect(comment_in_thread(other, first).locator(".comment__text")).to_have_text(edited_text)
        expect(comment_in_thread(other, first).locator(".comment__edited")).to_be_visible()
        assert_nested(other, demo_comment, reply)
        expect(comment_in_thread(other, reply).locator(".comment__text")).to_have_text(reply_text)
        expect(other.locator(f"#comment-{second}")).to_have_count(0)
        assert "Second thoughts" not in other.locator("#comments").inner_text()
        for comment in (first, reply):
            assert action_link(other, comment, "edit").count() == 0, f"Mark may edit comment {comment}"
            assert action_link(other, comment, "delete").count() == 0, f"Mark may delete comment {comment}"
            assert action_link(other, comment, "report").count() == 1
    finally:
        context.close()


# 2. The same in Armenian ------------------------------------------------------------------------


def test_armenian_reader_signs_up_comments_and_replies_in_armenian(
    page, demo_site, articles, screenshots_dir
):
    article = articles["hy"]["threads"][1]
    demo_comment, _ = demo_conversation(demo_site, article["pk"])
    name = "Լուսինե Ա."
    sign_up_and_confirm(page, demo_site, "hy", name)

    open_page(page, article["url"])
    assert html_lang(page) == "hy"
    assert ARMENIAN.search(page.locator("main h1").inner_text())
    text = "Շատ լավ հոդված է։ Երբ կսկսվեն աշխատանքները մեր թաղամասում։"
    first = write_comment(page, text)
    assert html_lang(page) == "hy"
    expect(comment_in_thread(page, first).locator(".comment__text")).to_have_text(text)
    expect(comment_in_thread(page, first).locator(".comment__author")).to_have_text(name)

    reply_text = "Համաձայն եմ, Անահիտ։ Սպասում ենք նոր տվյալների։"
    reply = reply_in_place(page, demo_comment, reply_text)
    assert html_lang(page) == "hy"
    assert_nested(page, demo_comment, reply)
    expect(comment_in_thread(page, reply).locator(".comment__text")).to_have_text(reply_text)
    stored = demo_site.query("SELECT language, text FROM comments_comment WHERE id IN (?, ?)", (first, reply))
    assert {row["language"] for row in stored} == {"hy"}
    assert {row["text"] for row in stored} == {text, reply_text}

    screenshot_thread(page, screenshots_dir, "hy-comments")


# 3. Without JavaScript ------------------------------------------------------------------------


def test_without_javascript_more_comments_is_a_page_and_the_plain_forms_post(browser, demo_site, articles):
    article = articles["en"]["quiet"][0]
    context, page = new_tab(browser, demo_site, java_script_enabled=False)
    try:
        open_page(page, article["url"])
        first_page = page.locator("#comments > ol.thread > li.comment")
        expect(first_page).to_have_count(PAGE_SIZE)
        seen = set(first_page.evaluate_all("items => items.map(item => item.id)"))

        more = page.locator("#comments .load-more a")
        expect(more).to_be_visible()
        with page.expect_navigation():
            more.click()
        assert path_of(page) == f"/en/comments/{article['pk']}/"
        assert html_lang(page) == "en"
        rest = page.locator("#comments > ol.thread > li.comment")
        expect(rest).to_have_count(LONG_THREAD - PAGE_SIZE)
        rest_ids = set(rest.evaluate_all("items => items.map(item => item.id)"))
        assert not rest_ids & seen, "the next page repeats comments of the first"
        expect(rest.first).to_contain_text(f"comment 2 of {LONG_THREAD}")
        expect(page.locator(".load-more")).to_have_count(0)
        with page.expect_navigation():
            page.locator(".back-to-article a").click()
        assert path_of(page) == article["url"]

        # Signing in from the thread comes back to it; the plain form posts.
        with page.expect_navigation():
            page.locator(".sign-in-to-comment a").first.click()
        sign_in(page, "en", *DEMO_READER, name="Mark T.")
        assert path_of(page) == article["url"], f"signing in did not lead back to the article: {page.url}"
        expect(counter_of(page)).to_have_text(f"Up to {MAX_LENGTH} characters.")
        text = "Posted without any script: the plain form is enough."
        page.fill("#comment-form-text", text)
        submit(page, "#comment-form")
        comment = comment_id_in_url(page)
        expect(comment_in_thread(page, comment).locator(".comment__text")).to_have_text(text)

        # "Reply" is a page of its own without script.
        with page.expect_navigation():
            comment_in_thread(page, comment).locator("a[data-reply-to]").click()
        assert path_of(page) == f"/en/comments/{article['pk']}/write/"
        expect(page.locator("main h1")).to_have_text("Reply")
        expect(page.locator("main blockquote.replying-to")).to_contain_text(text)
        reply_text = "And a reply, also without script."
        page.fill("#comment-form-text", reply_text)
        submit(page, "#comment-form")
        reply = comment_id_in_url(page)
        assert_nested(page, comment, reply)
    finally:
        context.close()


# 4. Accessibility -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["article-signed-out", "article-signed-in", "sign-in", "sign-up", "report"])
@pytest.mark.parametrize("lang", ["en", "hy"])
def test_comment_pages_have_no_serious_accessibility_violations(page, demo_site, articles, lang, kind):
    article = articles[lang]["threads"][2]
    demo_comment, demo_reply = demo_conversation(demo_site, article["pk"])
    if kind in {"article-signed-in", "report"}:
        sign_in(page, lang, *DEMO_READER)
    if kind.startswith("article"):
        open_page(page, article["url"])
        expect(page.locator(f"#comment-{demo_reply}")).to_be_visible()
        if kind == "article-signed-in":
            comment_in_thread(page, demo_comment).locator("a[data-reply-to]").click()
            expect(page.locator("#reply-form")).to_be_visible()
    elif kind == "report":
        open_page(page, f"/{lang}/comments/c/{demo_reply}/report/")
    else:
        open_page(page, f"/{lang}/accounts/{'login' if kind == 'sign-in' else 'signup'}/")
    assert html_lang(page) == lang

    report = blocking_violations(page)
    assert not report, f"axe-core on {page.url}:\n{report}"


# 5. Bad input ---------------------------------------------------------------------------------


def test_empty_and_oversized_comments_are_refused_with_a_reason_and_the_text_kept(page, demo_site, articles):
    article = articles["en"]["threads"][2]
    before = demo_site.query("SELECT COUNT(*) FROM comments_comment WHERE article_id = ?", (article["pk"],))[
        0
    ][0]
    sign_in(page, "en", *DEMO_READER)
    open_page(page, article["url"])

    # Empty: the browser stops it first; without that check, the server explains.
    area = page.locator("#comment-form-text")
    page.locator("#comment-form button[type=submit]").click()
    assert path_of(page) == article["url"]
    assert area.evaluate("el => el.validity.valueMissing"), "the browser let an empty comment through"
    area.evaluate("el => el.removeAttribute('required')")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        submit(page, "#comment-form")
    assert posted.value.status == 400
    assert path_of(page) == f"/en/comments/{article['pk']}/write/"
    expect(page.get_by_role("alert")).to_have_text("Write something before you post.")
    expect(page.locator("#comment-form-text")).to_be_visible()
    report = blocking_violations(page)
    assert not report, f"axe-core on the refusal page:\n{report}"

    # Too long: the counter warns, the server refuses and gives the text back.
    open_page(page, article["url"])
    text = ("The council should publish the full list of contractors. " * 60)[: MAX_LENGTH - 1].rstrip()
    text = text + "!" * (MAX_LENGTH + 1 - len(text))
    assert len(text) == MAX_LENGTH + 1
    area.fill(text)
    expect(counter_of(page)).to_have_text(f"{MAX_LENGTH + 1} / {MAX_LENGTH}")
    expect(counter_of(page)).to_have_class(re.compile("comment-form__counter--over"))
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        submit(page, "#comment-form")
    assert posted.value.status == 400
    expect(page.get_by_role("alert")).to_have_text(
        f"A comment may have at most {MAX_LENGTH} characters; this one has {MAX_LENGTH + 1}."
    )
    assert page.locator("#comment-form-text").input_value() == text, "the reader's text was lost"

    after = demo_site.query("SELECT COUNT(*) FROM comments_comment WHERE article_id = ?", (article["pk"],))[
        0
    ][0]
    assert after == before, "a refused comment was stored"
