"""Our own badges: a rendered badge baked with our signed credential unbakes to a credential that still verifies."""

from __future__ import annotations

import io

import pytest
from formats.sample_records import sample_microcredential
from PIL import Image
from verification.issuers import LOADER, NOW, TestIssuer, status_list, unsigned_credential

from mc_lms_bridge.badges import BadgeStyle, render_badge_png, render_badge_svg
from mc_lms_bridge.baking import bake_png, bake_svg, unbake_png, unbake_svg
from mc_lms_bridge.verification.fetching import StaticFetcher
from mc_lms_bridge.verification.ob3 import verify_ob3


@pytest.fixture(scope="module")
def issuer():
    return TestIssuer()


@pytest.fixture(scope="module")
def badge_svg():
    return render_badge_svg(sample_microcredential(), style=BadgeStyle())


def verify(credential, issuer):
    revocation = status_list(issuer)
    fetch = StaticFetcher({issuer.did_url: issuer.did_document(), revocation["id"]: revocation})
    return verify_ob3(credential, fetch=fetch, now=NOW, loader=LOADER)


def test_signed_credential_baked_in_our_png_still_verifies(issuer, badge_svg):
    signed = issuer.sign(unsigned_credential())
    png = render_badge_png(badge_svg, size=300)
    baked = bake_png(png, signed)
    result = unbake_png(baked)
    assert result.version == 3 and result.payload == signed
    report = verify(result.payload, issuer)
    assert report.verified, report.to_dict()["checks"]
    with Image.open(io.BytesIO(baked)) as image:
        assert image.size == (300, 300)


def test_vc_jwt_baked_in_our_svg_still_verifies(issuer, badge_svg):
    token = issuer.sign_jwt(unsigned_credential(), "key-1")
    result = unbake_svg(bake_svg(badge_svg, token))
    assert result.payload == token
    assert verify(result.payload, issuer).verified


def test_tampered_baked_credential_fails_verification(issuer, badge_svg):
    signed = issuer.sign(unsigned_credential())
    text = unbake_svg(bake_svg(badge_svg, signed)).text
    tampered = unbake_svg(bake_svg(badge_svg, text.replace(signed["name"], signed["name"] + " (forged)"))).payload
    assert tampered["name"].endswith("(forged)")
    assert not verify(tampered, issuer).verified
