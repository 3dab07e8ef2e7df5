"""Loading hostile markup takes time in proportion to its size.

Each adversarial input is loaded at two sizes, four times apart: linear code
takes about four times as long, a quadratic scan sixteen. The bound is
generous because machines are noisy (and markdown-it-py itself is slightly
superlinear on some link soups); short runs are floored so that timer noise
cannot fail the test.
"""

from __future__ import annotations

import contextlib
import gc
import time

import pytest

from claimcheck.errors import InputError
from claimcheck.loaders import load_bytes

SIZE = 100_000


def seconds(data: bytes, name: str) -> float:
    # The collector's full passes cost in proportion to everything the test
    # process holds (pyarrow and dask, once the archive tests have run, double
    # it), not to the input: timed without it, the ratio is the loader's own.
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        with contextlib.suppress(InputError):
            load_bytes(data, name)
        return time.perf_counter() - start
    finally:
        gc.enable()


def fill(unit: str, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


ADVERSARIAL = {
    "a.md": [
        "*a _b ",
        "[a](",
        "![a ",
        "`a ``b ",
        "x&amp;y\\*z ",
        "> - > - ",
        "<!-- ",
        " " * 50 + "\n",
    ],
    "a.html": [
        "<p <b>a</i> <<x </",
        "<q>",
        "<i><div>",
        "</p>" * 3 + "&amp;",
        "<!--",
        '<div class="share"><p>a</p><p>b</p>',
    ],
    "a.txt": ["\r", "\u2028", "\x00" + "a" * 20, "“"],
}


@pytest.mark.parametrize(
    ("name", "unit"),
    [(name, unit) for name, units in ADVERSARIAL.items() for unit in units],
    ids=[f"{name}:{unit[:12]!r}" for name, units in ADVERSARIAL.items() for unit in units],
)
def test_adversarial_markup_loads_in_linear_time(name: str, unit: str) -> None:
    assert_linear(fill(unit, SIZE // 4), fill(unit, SIZE), name)


def assert_linear(small_input: bytes, large_input: bytes, name: str) -> None:
    # Measured twice at most: one slow run on a busy machine is not a verdict.
    for _ in range(2):
        small = max(seconds(small_input, name), 0.05)
        large = seconds(large_input, name)
        if large < 10 * small:
            return
    raise AssertionError(f"{large:.2f}s for {len(large_input)} bytes, {small:.2f}s for a quarter")


def test_long_front_matter_title_is_linear() -> None:
    def page(size: int) -> bytes:
        return f"---\ntitle: x{' ' * size}y\n---\nAna said it.\n".encode()

    assert_linear(page(SIZE // 4), page(SIZE), "a.md")
    assert load_bytes(page(10), "a.md").title == "x" + " " * 10 + "y"
