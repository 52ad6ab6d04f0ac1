# Type stubs for the compiled module; the documented API is in the webclean package.
from typing import Any, Optional, Sequence

__version__: str
OUTPUT_FORMATS: tuple[str, ...]

def is_output_format(name: str) -> bool: ...
def extract(html: str | bytes | bytearray | memoryview, url: Optional[str], options: Any) -> Optional[str]: ...
def bare_extraction(
    html: str | bytes | bytearray | memoryview, url: Optional[str], options: Any
) -> Optional[dict[str, Any]]: ...
def extract_many(
    htmls: Sequence[str | bytes | bytearray | memoryview],
    urls: Optional[Sequence[Optional[str]]],
    threads: int,
    options: Any,
    bare: bool,
) -> list[Any]: ...
def fetch(
    url: str,
    timeout: float,
    max_bytes: Optional[int],
    user_agent: Optional[str],
    verify_tls: bool,
    max_redirects: int,
    want_charset: bool,
) -> Optional[tuple[bytes, str]]: ...
