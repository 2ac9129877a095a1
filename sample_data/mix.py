"""The case mix a scenario is drawn from: profile weights (`--mix`) and the forced share (`--forced-share`).

A mix is a named preset or `profile=weight,...` (missing profiles weigh 0). The forced share, when
given, re-weighs the draw so that about that share of trip units are forced departures, keeping the
proportions among forced and among voluntary units.
"""

from __future__ import annotations

from sample_data.case_drafts import FORCED_SHARE_OF_PROFILE, PROFILE_WEIGHTS, PROFILES

MIXES: dict[str, dict[str, float]] = {
    "bijzonder-vertrek": dict(PROFILE_WEIGHTS),
    # the mix of a removals desk (before revision 2 of the generator): mostly KMar-only removals
    "removals": {"forced": 38, "forced_medical": 6, "medical": 16, "psychiatric": 7, "wheelchair": 6,
                 "wchc": 5, "stretcher": 4, "uam": 6, "voluntary": 8, "family": 4},
    "medical": {"medical": 35, "psychiatric": 20, "wheelchair": 15, "wchc": 10, "stretcher": 10,
                "forced_medical": 10},
}
DEFAULT_MIX = "bijzonder-vertrek"


def parse_mix(spec: str | dict[str, float] | None) -> dict[str, float]:
    """Weights per profile from a preset name, `profile=weight,...`, or a dict; ValueError if unusable."""
    if spec is None:
        return dict(MIXES[DEFAULT_MIX])
    if isinstance(spec, dict):
        weights = {k: float(v) for k, v in spec.items()}
    elif spec in MIXES:
        return dict(MIXES[spec])
    elif "=" in spec:
        weights = {}
        for part in spec.split(","):
            name, _, value = part.partition("=")
            try:
                weights[name.strip()] = float(value)
            except ValueError:
                raise ValueError(f"mix: {part.strip()!r} is not profile=weight") from None
    else:
        raise ValueError(f"mix: unknown preset {spec!r}; presets: {', '.join(MIXES)}, or profile=weight,...")
    unknown = [k for k in weights if k not in PROFILES]
    if unknown:
        raise ValueError(f"mix: unknown profile(s) {', '.join(unknown)}; profiles: {', '.join(PROFILES)}")
    if any(w < 0 for w in weights.values()) or not any(weights.values()):
        raise ValueError("mix: weights must be non-negative and not all 0")
    return {p: weights.get(p, 0.0) for p in PROFILES}


def unit_weights(mix: dict[str, float], forced_share: float | None) -> dict[tuple[str, bool], float]:
    """Weights of (profile, forced) draws; with `forced_share`, forced units get that share in total."""
    split: dict[tuple[str, bool], float] = {}
    for profile, weight in mix.items():
        p_forced = FORCED_SHARE_OF_PROFILE.get(profile, 0.0)
        split[(profile, True)] = weight * p_forced
        split[(profile, False)] = weight * (1 - p_forced)
    if forced_share is not None:
        if not 0 <= forced_share <= 1:
            raise ValueError("forced_share must lie between 0 and 1")
        forced = sum(w for (_, f), w in split.items() if f)
        voluntary = sum(w for (_, f), w in split.items() if not f)
        if forced_share > 0 and not forced:
            raise ValueError("forced_share > 0 but the mix has no profile that can be forced")
        if forced_share < 1 and not voluntary:
            raise ValueError("forced_share < 1 but the mix has only forced profiles")
        split = {k: (w / forced * forced_share if k[1] else w / voluntary * (1 - forced_share)) if w else 0.0
                 for k, w in split.items()}
    return {k: w for k, w in split.items() if w > 0}
