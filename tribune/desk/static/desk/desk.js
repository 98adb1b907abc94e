/* The desk's keys. Every action is a plain form or link, so the desk works without this script;
   with it, a moderator moves through a queue and decides from the keyboard:
   j/n next, k/p previous, a approve, r reject (1–5 a reason, Enter to confirm), d delete,
   f editor's pick, ? the list of keys. */
(function () {
    'use strict';

    // Keys are for the desk unless the moderator is writing: in a text field, a list or an editor.
    function typing(target) {
        if (!target) return false;
        if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) return true;
        return target.tagName === 'INPUT' && !/^(radio|checkbox|submit|button|reset)$/.test(target.type);
    }

    function withKey(key) {
        return Array.prototype.find.call(document.querySelectorAll('[data-desk-key]'), function (el) {
            return el.getAttribute('data-desk-key').split(' ').indexOf(key) !== -1;
        });
    }

    function submit(button) {
        var form = button.form || button.closest('form');
        if (!form) return;
        if (form.requestSubmit) form.requestSubmit(button); else button.click();
    }

    function openReject(details) {
        details.open = true;
        var first = details.querySelector('[data-desk-reason]');
        if (first) first.focus();
    }

    function toggleHelp() {
        var help = document.getElementById('desk-help');
        if (!help || !help.showModal) return;
        if (help.open) help.close(); else help.showModal();
    }

    // Ticking "all on this page" in a queue ticks every row.
    document.addEventListener('change', function (event) {
        if (!event.target.matches('[data-desk-select-all]')) return;
        var form = event.target.closest('form');
        form.querySelectorAll('input[name="comments"]').forEach(function (box) {
            box.checked = event.target.checked;
        });
    });

    // Deleting asks first, with the keyboard or the mouse.
    document.addEventListener('submit', function (event) {
        var question = event.target.getAttribute('data-desk-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });

    var page = document.querySelector('[data-desk-keys]');
    if (!page) return;
    var help = document.getElementById('desk-help');

    // Wagtail answers "?" with its own list of keys: on the desk's pages, the desk's list answers.
    window.addEventListener('keypress', function (event) {
        if (event.key === '?' && help && !typing(event.target)) event.stopImmediatePropagation();
    }, true);

    // Listening on the window before anything else keeps Wagtail's own "?" from answering too.
    window.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        var reject = document.getElementById('desk-reject');
        var inReject = reject && reject.open && reject.contains(event.target);
        if (inReject && /^[1-9]$/.test(event.key)) {
            var reason = reject.querySelector('[data-desk-reason="' + event.key + '"]');
            if (reason && event.target.tagName !== 'TEXTAREA') {
                reason.checked = true;
                reason.focus();
                if (reason.value === 'other') reject.querySelector('textarea').focus();
                event.preventDefault();
                event.stopImmediatePropagation();
                return;
            }
        }
        if (inReject && event.key === 'Enter' && event.target.tagName !== 'TEXTAREA') {
            var form = reject.querySelector('form');
            event.preventDefault();
            if (form.requestSubmit) form.requestSubmit(); else form.submit();
            return;
        }
        if (event.key === 'Escape' && reject && reject.open) {
            reject.open = false;
            return;
        }
        if (typing(event.target)) return;
        var key = event.key;
        if (key === '?' && help) {
            event.preventDefault();
            event.stopImmediatePropagation();
            toggleHelp();
            return;
        }
        var target = withKey(key.toLowerCase());
        if (!target || event.shiftKey) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (target.tagName === 'A') {
            window.location.href = target.href;
        } else if (target.tagName === 'DETAILS') {
            openReject(target);
        } else {
            submit(target);
        }
    }, true);
})();
