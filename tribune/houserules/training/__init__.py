"""Training code for the house-rules models. May import scikit-learn; the run-time path never imports it."""

from __future__ import annotations

import json
from pathlib import Path


def train_all(data_dir, out_dir) -> dict:
    """Refit every trained model of the engine from the labelled data in `data_dir` into `out_dir`
    (what `python -m tribune.houserules train --data DIR` runs); returns the figures per rule."""
    from .. import advertising
    from . import abusive

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    figures = {"abusive": abusive.train(data_dir, out_dir)}
    if hasattr(advertising, "train"):
        model = advertising.train(data_dir / "spam" if (data_dir / "spam").is_dir() else data_dir)
        (out_dir / "advertising.json").write_text(
            json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        figures["advertising"] = model.get("card", {}).get("leave_one_video_out", {}).get("pooled")
    return figures
