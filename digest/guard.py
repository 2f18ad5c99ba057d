"""The address guard: which untrusted URLs may be fetched, and at which address.

Links found inside feeds are untrusted: a feed could point us at
``http://169.254.169.254/`` (cloud metadata) or an intranet host. For untrusted URLs
the guard refuses schemes other than http(s) and any host that resolves to a
private, loopback, link-local, multicast, reserved, unspecified or metadata address,
at the first request and again at every redirect hop, unless ``allow_private`` is
set. Feed URLs from feeds.yaml are the operator's own and are not guarded.

DNS rebinding: the guard resolves the host once, checks every address, and then
connects to the checked address itself (the URL is rewritten to the IP, with the
original ``Host`` header and TLS server name), so a second lookup cannot return a
different answer. Residual risk: if a proxy is configured through the environment
(httpx honours ``HTTP(S)_PROXY``), the proxy resolves names and the guard's check is
only as good as the proxy's own policy.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence

import httpx

from digest.errors import FetchError

__all__ = [
    "AddressGuard",
    "AddressPolicy",
    "Resolver",
    "blocked_address_reason",
    "parse_http_url",
]

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""``(host, port) -> IP address strings``; the default uses the event loop's getaddrinfo."""

AddressPolicy = Callable[[str], "str | None"]
"""``IP address -> reason to refuse it, or None``; the default is blocked_address_reason."""

_METADATA_ADDRESSES = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IMDS over IPv6
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    }
)

_IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Not public, whatever the flags of the running Python's ``ipaddress`` say (they change
# between patch releases): IPv6 site-local (deprecated, still routed inside networks
# that use it), the IETF's 192.0.0.0/24 and the 6to4 relay anycast block.
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")
_ALSO_NON_PUBLIC = (
    ipaddress.ip_network("192.0.0.0/24"),
    ipaddress.ip_network("192.88.99.0/24"),
)


def blocked_address_reason(address: str) -> str | None:
    """Why a fetch to ``address`` (an IP literal) is refused, or None if it is public."""
    try:
        ip: _IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 carried inside IPv6 reaches the IPv4 host: judge that host.
        teredo = ip.teredo
        embedded = ip.ipv4_mapped or ip.sixtofour or (teredo[1] if teredo else None)
        if embedded is not None:
            ip = embedded
    checks = (
        (ip in _METADATA_ADDRESSES, "cloud metadata"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        (ip in _SITE_LOCAL, "site-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_private, "private"),
        (ip.is_reserved, "reserved"),
        (not ip.is_global or any(ip in net for net in _ALSO_NON_PUBLIC), "non-public"),
    )
    for is_blocked, reason in checks:
        if is_blocked:
            return reason
    return None


async def _system_resolver(host: str, port: int) -> Sequence[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class AddressGuard:
    """Decides whether an untrusted URL may be fetched, and which address to use.

    ``resolver`` replaces DNS (tests make a public-looking name resolve to
    127.0.0.1 or 169.254.169.254) and ``policy`` replaces the address rule (say, to
    allow one intranet range); both default to the real thing.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver | None = None,
        policy: AddressPolicy | None = None,
    ) -> None:
        self.allow_private = allow_private
        self._resolver = resolver or _system_resolver
        self._policy = policy or blocked_address_reason

    async def check(self, url: str) -> str | None:
        """Raise FetchError if ``url`` must not be fetched.

        Returns the checked IP address to connect to, or None when ``allow_private``
        is set (no resolution happens; httpx resolves as usual).
        """
        parts = parse_http_url(url)
        # The ASCII (punycode) form: what DNS is asked for, and what messages show, so
        # a look-alike host reads as the xn-- name it is.
        host = parts.raw_host.decode("ascii")
        if self.allow_private:
            return None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            # An IP literal needs no lookup (and must not be sent to a resolver).
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = []
        try:
            addresses = addresses or list(await self._resolver(host, port))
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve host {host}", url=url) from exc
        if not addresses:
            raise FetchError(f"cannot resolve host {host}", url=url)
        # Every address must pass: an attacker's DNS can mix 127.0.0.1 into a list
        # of public ones and the connector may pick any of them.
        for address in addresses:
            reason = self._policy(address)
            if reason is not None:
                shown = host if host == address else f"{host} resolves to {address}"
                raise FetchError(
                    f"blocked address: {shown} ({reason})",
                    url=url,
                    hint="Set fetch.allow_private: true to fetch private hosts.",
                )
        return addresses[0].split("%", 1)[0]


def parse_http_url(url: str) -> httpx.URL:
    """``url`` parsed, or FetchError unless it is an absolute http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {url}", url=url) from exc
    if not parsed.scheme or (not parsed.host and parsed.scheme in ("http", "https")):
        raise FetchError(f"invalid URL: {url}", url=url)
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"refused scheme {parsed.scheme}: only http(s)", url=url)
    return parsed
