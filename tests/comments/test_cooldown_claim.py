"""The cooldown between two comments is claimed in one step: readers posting twice at once (two
tabs, a script) get one comment through, not two."""

import threading

from tribune.comments import ratelimit


def test_a_claimed_cooldown_refuses_the_next_claim_with_the_time_left():
    assert ratelimit.claim_cooldown("reader:1", 15, now=1000.0) == 0
    assert ratelimit.claim_cooldown("reader:1", 15, now=1004.2) == 11
    assert ratelimit.claim_cooldown("reader:2", 15, now=1004.2) == 0  # another reader is free


def test_of_many_claims_at_the_same_moment_exactly_one_wins():
    barrier = threading.Barrier(16)
    results = []

    def claim():
        barrier.wait()
        results.append(ratelimit.claim_cooldown("reader:race", 15))

    threads = [threading.Thread(target=claim) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(0) == 1
    assert all(wait > 0 for wait in results if wait)


def test_a_released_claim_can_be_claimed_again():
    assert ratelimit.claim_cooldown("reader:3", 15) == 0
    ratelimit.release_cooldown("reader:3")
    assert ratelimit.claim_cooldown("reader:3", 15) == 0
