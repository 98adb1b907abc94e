"""A comment's text: invisible tricks removed, HTML never passed through, links made safe."""

from tribune.comments import text


def test_zero_width_and_bidi_override_characters_are_removed():
    assert text.normalize("pa\u200byment \u202eevil\u202c ok\ufeff") == "payment evil ok"


def test_emoji_joiners_survive_normalization():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert text.normalize(family) == family


def test_blank_lines_collapse_and_spaces_are_trimmed():
    assert text.normalize("  one  \r\n\r\n\r\n\ntwo \n") == "one\n\ntwo"


def test_control_characters_are_dropped():
    assert text.normalize("a\x00b\x07c") == "abc"


def test_html_and_script_are_shown_as_text_not_run():
    html = text.render(text.normalize('<script>alert(1)</script><b onclick="x">bold</b>'))
    assert "<script" not in html and "<b" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_urls_become_links_with_nofollow_ugc():
    html = text.render("See https://example.org/a?b=1&c=2 now")
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">' in html


def test_javascript_links_are_not_linked():
    html = text.render("javascript:alert(1) and <a href='javascript:alert(1)'>x</a>")
    assert 'href="javascript' not in html


def test_paragraphs_and_line_breaks():
    assert text.render("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>"


def test_length_counts_characters_of_any_script():
    assert text.length("Երևան") == 5
    assert text.length("😀" * 10) == 10
