"""The language server (``claimcheck lsp``): misquotes shown in the editor as the writer types.

Needs the ``lsp`` extra (pygls). The order of one check:

1. ``project``      the settings and corpus a document belongs to (``verify``'s discovery)
2. ``sources``      the corpus, loaded once per project and reused (``CorpusSource``)
3. ``checking``     the editor's text → the report CI would give for it
4. ``positions``    report offsets → LSP positions (UTF-16 unless agreed otherwise)
5. ``diagnostics``  the report's findings as diagnostics, the source as related information
6. ``actions``      code actions: the source's exact wording, a suppression with a reason

``server`` is the pygls server: debounce, the worker thread, stale results dropped.
"""
