"""Settings of the RQ worker processes that tests/core/test_task_queue.py starts (it has no tests of
its own): the test settings, with mail written as files to $TRIBUNE_TEST_OUTBOX so that the test
can count what a worker process sent.

Two more switches, for the tests that need them: while the file $TRIBUNE_TEST_MAIL_GATE does not
exist, sending waits (after writing its process id to `<gate>.waiting`, so the test knows a task is
in the middle, and in which process);
and if the file $TRIBUNE_TEST_MAIL_FAIL_ONCE exists, the next send removes it and fails, as an SMTP
server that is briefly away would."""

import os
import smtplib
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

from tribune.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.core.test_task_queue_worker.OutboxEmailBackend"
GATE_WAIT_SECONDS = 120


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        outbox = Path(os.environ["TRIBUNE_TEST_OUTBOX"])
        gate = os.environ.get("TRIBUNE_TEST_MAIL_GATE")
        if gate:
            Path(f"{gate}.waiting").write_text(str(os.getpid()))  # the work horse running the task
            deadline = time.monotonic() + GATE_WAIT_SECONDS
            while not Path(gate).exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        fail_once = os.environ.get("TRIBUNE_TEST_MAIL_FAIL_ONCE")
        if fail_once and Path(fail_once).exists():
            Path(fail_once).unlink()
            raise smtplib.SMTPServerDisconnected("the test's mail server is away for one message")
        for message in email_messages:
            (outbox / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())
        return len(email_messages)
