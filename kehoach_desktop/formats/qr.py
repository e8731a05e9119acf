"""The check-in code as a QR code, one way for the letters and the sign-in
sheet: a PNG drawn by segno itself (no Pillow needed to make it), error
correction M, which a USB scanner reads off a printed page."""
from __future__ import annotations

import io


def qr_png(code: str, *, scale: int, border: int) -> tuple[bytes, int]:
    """The PNG (``scale`` pixels a module, a quiet zone of ``border``
    modules) and the symbol's width in modules, quiet zone not included."""
    import segno

    qr = segno.make_qr(code, error="m")
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=border)
    return out.getvalue(), int(qr.symbol_size(border=0)[0])
