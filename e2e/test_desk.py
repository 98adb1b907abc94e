"""The moderation desk in the browser, the whole way of a comment that breaks a house rule: an
Armenian reader is nudged and sends it anyway; a moderator finds it in Held with the words
highlighted and rejects it from the keyboard; the reader is told and appeals; another moderator
restores it. Then the desk's pages are checked with axe-core."""

from __future__ import annotations

import re

import pytest

from .test_comments import expect, html_lang, open_page, path_of, sign_in, submit

pytestmark = pytest.mark.browser

READER = ("anahit@tribune.example", "tribune-reader")  # an Armenian reader of the demo
MODERATOR = ("moderator", "tribune-moderator")  # the demo's Moderators account
SECOND_MODERATOR = ("editor", "tribune-editor")  # Editors moderate too
INSULT = "Դու իսկական ապուշ ես, քեզ պես տխմարները պիտի լռեն։"  # "You are a real idiot …"
BLOCKING_IMPACTS = {"serious", "critical"}
QUIET_HY_ARTICLE_SQL = """
    SELECT p.id, p.url_path, (SELECT h.url_path FROM wagtailcore_page h
                             JOIN django_content_type hct ON hct.id = h.content_type_id
                             WHERE hct.model = 'homepage' AND h.locale_id = p.locale_id) AS home
    FROM wagtailcore_page p
    JOIN wagtailcore_locale l ON l.id = p.locale_id
    JOIN django_content_type ct ON ct.id = p.content_type_id
    JOIN newsroom_articlepage a ON a.page_ptr_id = p.id
    WHERE ct.model = 'articlepage' AND p.live AND a.comments_open AND l.language_code = 'hy'
      AND NOT a.comments_premoderated
    ORDER BY p.id DESC LIMIT 1
"""
PREPARE_SITE = """
from tribune.comments.models import CommentSettings
assert CommentSettings.objects.update(min_seconds_between_comments=0) >= 1
print("prepared")
"""


def sign_in_admin(page, username, password):
    open_page(page, "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert "/admin/login/" not in page.url, f"{username} could not sign in to the admin"


def blocking_violations(page):
    from .conftest import AXE_JS

    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
    return "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']} — {', '.join(' '.join(map(str, n['target'])) for n in v['nodes'][:3])}"
        for v in found
    )


@pytest.fixture(scope="module")
def armenian_article(demo_site):
    assert "prepared" in demo_site.manage("shell", "-c", PREPARE_SITE)
    [row] = demo_site.query(QUIET_HY_ARTICLE_SQL)
    return {"pk": row["id"], "url": "/hy/" + row["url_path"][len(row["home"]) :]}


def test_a_rule_breaking_armenian_comment_is_nudged_held_rejected_appealed_and_restored(
    browser, demo_site, armenian_article, screenshots_dir
):
    reader_context = browser.new_context(base_url=demo_site.url, viewport={"width": 1280, "height": 900})
    reader_context.set_default_timeout(10_000)
    reader = reader_context.new_page()

    # 1. The reader writes an insult and is nudged, in Armenian, with the word highlighted.
    sign_in(reader, "hy", *READER)
    open_page(reader, armenian_article["url"])
    reader.locator("#comment-form textarea").fill(INSULT)
    with reader.expect_navigation():
        reader.locator("#comment-form button[type=submit]").click()
    assert html_lang(reader) == "hy"
    nudge = reader.locator(".nudge")
    expect(nudge).to_be_visible()
    expect(nudge.locator("[role=alert]")).to_be_focused()
    marks = nudge.locator(".nudge__text mark").all_inner_texts()
    assert any("ապուշ" in mark for mark in marks), f"the insult is not highlighted: {marks}"
    reader.screenshot(path=screenshots_dir / "desk-1-nudge-hy.png", full_page=True)

    # 2. They send it anyway: it waits for a moderator, visible to them only.
    with reader.expect_navigation():
        nudge.get_by_role("button").click()
    comment_id = int(re.search(r"#comment-(\d+)$", reader.url).group(1))
    expect(reader.locator(f"#comment-{comment_id}")).to_be_visible()
    anonymous = browser.new_context(base_url=demo_site.url).new_page()
    open_page(anonymous, armenian_article["url"])
    expect(anonymous.locator(f"#comment-{comment_id}")).to_have_count(0)
    anonymous.context.close()

    # 3. The moderator finds it in Held, with the word highlighted, and rejects it by keyboard.
    moderator_context = browser.new_context(base_url=demo_site.url, viewport={"width": 1280, "height": 900})
    moderator_context.set_default_timeout(10_000)
    moderator = moderator_context.new_page()
    sign_in_admin(moderator, *MODERATOR)
    open_page(moderator, "/admin/desk/queue/held/")
    row = moderator.locator(f"#row-{comment_id}")
    expect(row).to_be_visible()
    assert any("ապուշ" in mark for mark in row.locator("mark").all_inner_texts())
    assert not (violations := blocking_violations(moderator)), violations
    moderator.screenshot(path=screenshots_dir / "desk-2-held-queue.png", full_page=True)
    with moderator.expect_navigation():
        row.locator(f"a[href*='/admin/desk/comment/{comment_id}/']").first.click()
    assert not (violations := blocking_violations(moderator)), violations
    expect(moderator.locator(".desk-keylist").first).to_be_visible()  # the keys are listed on screen
    moderator.screenshot(path=screenshots_dir / "desk-3-comment.png", full_page=True)
    moderator.locator("body").press("r")
    expect(moderator.locator("#desk-reject form")).to_be_visible()
    moderator.keyboard.press("3")  # the third reason: abusive language
    expect(moderator.locator("input[name=reason][value=abusive]")).to_be_checked()
    with moderator.expect_navigation():
        moderator.keyboard.press("Enter")
    decided = demo_site.query("SELECT status FROM comments_comment WHERE id = ?", (comment_id,))
    assert decided[0]["status"] == "rejected"
    reason = demo_site.query(
        "SELECT reason FROM comments_decision WHERE comment_id = ? AND action = 'reject'", (comment_id,)
    )
    assert [r["reason"] for r in reason] == ["abusive"]

    # 4. The reader is told, in Armenian, on their notices page, and appeals.
    open_page(reader, "/hy/accounts/notices/")
    notice = reader.locator(".notice").first
    body = notice.inner_text()
    assert re.search(r"[\u0531-\u0587]", body), f"the notice is not in Armenian: {body!r}"
    with reader.expect_navigation():
        notice.locator(".notice__appeal a").click()
    assert path_of(reader) == f"/hy/comment/{comment_id}/appeal/"
    reader.fill("#appeal-text", "Ես վիրավորել չէի ուզում, խնդրում եմ վերանայել։")
    submit(reader, "form.appeal-form")
    appeals = demo_site.query("SELECT outcome FROM comments_appeal WHERE comment_id = ?", (comment_id,))
    assert [a["outcome"] for a in appeals] == ["open"]

    # 5. Another moderator restores it from the Appeals queue; it is back in the thread.
    second_context = browser.new_context(base_url=demo_site.url, viewport={"width": 1280, "height": 900})
    second_context.set_default_timeout(10_000)
    second = second_context.new_page()
    sign_in_admin(second, *SECOND_MODERATOR)
    open_page(second, "/admin/desk/queue/appeals/")
    with second.expect_navigation():
        second.locator(f"#row-{comment_id} a[href*='/admin/desk/comment/{comment_id}/']").first.click()
    second.fill("#desk-appeal-note", "Վերականգնված է։")
    with second.expect_navigation():
        second.locator(".desk-appeal-form button[value=restore]").click()
    restored = demo_site.query("SELECT status FROM comments_comment WHERE id = ?", (comment_id,))
    assert restored[0]["status"] == "published"
    open_page(reader, armenian_article["url"])
    expect(reader.locator(f"#comment-{comment_id}")).to_contain_text("տխմարները")

    for context in (reader_context, moderator_context, second_context):
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/desk/queue/held/",
        "/admin/desk/queue/reported/",
        "/admin/desk/log/",
        "/admin/desk/dashboard/",
        "/admin/desk/policy/",
    ],
)
def test_desk_pages_have_no_serious_accessibility_violations(browser, demo_site, path):
    context = browser.new_context(base_url=demo_site.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in_admin(page, *MODERATOR)
    open_page(page, path)
    assert not (violations := blocking_violations(page)), f"{path}:\n{violations}"
    context.close()
