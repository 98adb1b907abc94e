def request_cached(request, key, compute):
    """`compute()` once per request: the header, the sidebar and the page ask for the same things."""
    store = request.__dict__.setdefault("_tribune_cache", {})
    if key not in store:
        store[key] = compute()
    return store[key]
