"""Guard: an edit must keep every quotation, word for word, with its speaker.

``claimcheck guard BEFORE AFTER`` (or ``FILE --rev A..B``) and ``guard()`` for
pipelines that call an automatic editor. The stage order (``pipeline``):

1. ``quotations``  each version's quotations, from the extractor (``verify``'s statements)
2. ``pairing``     which edited quotation each earlier one became: kept, changed, merged, dropped
3. ``anchors``     where a dropped quotation was, in the edited version
4. ``removals``    dropped on purpose: ``<!-- claimcheck-removed: … -->`` or ``--allow-removed``
5. ``results``     each pair as a ``Result``, the earlier quotation as its source

``revisions`` reads a file at a git revision. The report is ``verify``'s, so
the CI layer (overrides, suppressions, formats, exit codes) applies unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.guard.pipeline import guard, guard_documents
else:

    def guard(*args: Any, **kwargs: Any) -> Any:
        """Check that an edit kept every quotation (``guard.pipeline.guard``, loaded on use)."""
        from claimcheck.guard.pipeline import guard as run

        return run(*args, **kwargs)

    def guard_documents(*args: Any, **kwargs: Any) -> Any:
        from claimcheck.guard.pipeline import guard_documents as run

        return run(*args, **kwargs)


__all__ = ["guard", "guard_documents"]
