"""Password hashing and the password policy (OWASP ASVS 2.1 / 2.4, BIO2 authentication).

Hashes are `scrypt$N$r$p$salt$hash` (stdlib `hashlib.scrypt`). N = 2^17, r = 8, p = 1 is OWASP's
minimum; hashes made with a smaller cost are re-hashed at the user's next successful login
(`needs_rehash`). `verify_dummy` spends the same work for a name that does not exist, so the
login's duration does not reveal which names are accounts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 17, 8, 1
_MAXMEM = 256 * 1024 * 1024  # scrypt needs 128 * N * r bytes = 128 MiB at N = 2^17
MIN_LENGTH = 12

COMMON_PASSWORDS = frozenset(["123456", "123456789", "12345678", "password", "qwerty123", "qwerty", "1q2w3e", "12345",
                              "111111", "1234567890", "1234567", "123123", "000000", "abc123", "password1", "iloveyou",
                              "1qaz2wsx", "qwertyuiop", "123321", "654321", "666666", "121212", "987654321", "123qwe",
                              "7777777", "welkom", "welkom01", "welkom123", "wachtwoord", "wachtwoord1",
                              "wachtwoord123", "geheim", "geheim123", "welkom2024", "welkom2025", "welkom2026",
                              "zomer2024", "zomer2025", "zomer2026", "winter2025", "winter2026", "voorjaar2026",
                              "herfst2026", "amsterdam", "rotterdam", "utrecht", "denhaag", "nederland", "holland",
                              "ajax", "feyenoord", "psv", "admin", "administrator", "admin123", "root", "toor",
                              "letmein", "letmein123", "welcome", "welcome1", "welcome123", "monkey", "dragon",
                              "football", "baseball", "master", "sunshine", "princess", "passw0rd", "p@ssw0rd",
                              "p@ssword", "password123", "password1234", "qwerty12345", "trustno1", "starwars",
                              "whatever", "superman", "changeme", "changeme123", "default", "secret", "test", "test123",
                              "testtest", "guest", "demo", "demo123", "planner", "planner123", "bijzondervertrek",
                              "regievoerder", "dtenv", "dtv", "dtv2026", "minjenv", "rijksoverheid", "wachtwoord2026",
                              "welkomwelkom", "qwertyqwerty", "123456123456", "aaaaaaaaaaaa", "abcdefghijkl",
                              "abcdef123456", "1234567890ab", "azertyuiop"])
"""A small offline list: the most common passwords worldwide and obvious Dutch/organisation ones."""


class PolicyError(ValueError):
    """The password is too weak; the message says why (in English, for the CLI and the log)."""


def check_policy(password: str, username: str = "") -> None:
    """Refuse passwords shorter than MIN_LENGTH, on the common list, or made of the username."""
    if len(password) < MIN_LENGTH:
        raise PolicyError(f"the password must have at least {MIN_LENGTH} characters")
    folded = password.lower()
    if folded in COMMON_PASSWORDS or folded.rstrip("0123456789!?.") in COMMON_PASSWORDS:
        raise PolicyError("the password is on the list of common passwords")
    if len(set(password)) < 4:
        raise PolicyError("the password repeats too few different characters")
    if username and username.lower() in folded:
        raise PolicyError("the password contains the username")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen,
                          maxmem=max(_MAXMEM, 129 * n * r))


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$hash' with a fresh 16-byte salt."""
    if not password:
        raise ValueError("empty password")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32)
    enc = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${enc(salt).decode()}${enc(digest).decode()}"


DUMMY_HASH = (f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${base64.b64encode(b'bv-planner-dummy').decode()}"
              f"${base64.b64encode(bytes(32)).decode()}")
"""A well-formed hash no password matches; verified against for unknown names (constant time)."""


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not password:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def verify_dummy(password: str) -> bool:
    """The same scrypt work as a real check, always False."""
    verify_password(password or "x", DUMMY_HASH)
    return False


def needs_rehash(stored: str | None) -> bool:
    """True for a hash made with a smaller scrypt cost than today's."""
    if not stored:
        return False
    try:
        scheme, n, r, p, *_ = stored.split("$")
        return scheme != "scrypt" or int(n) < SCRYPT_N or int(r) < SCRYPT_R or int(p) < SCRYPT_P
    except ValueError:
        return True


__all__ = ["COMMON_PASSWORDS", "DUMMY_HASH", "MIN_LENGTH", "PolicyError", "check_policy", "hash_password",
           "needs_rehash", "verify_dummy", "verify_password"]
