#!/usr/bin/env python3
"""Writes N pre-signed RPC (HMAC-SHA1) GET request paths for the local cloud, one per line, each with its own nonce.

wrk cannot sign, so the load is signed ahead of time; the signatures stay valid for the 15-minute window.
Usage: signed_requests.py N OUT [ACTION] [NONCE_PREFIX]   (ACTION: DescribeVpcs | DescribeRouteEntryList | ListTransitRouterRouteEntries)
"""
import base64, datetime, hashlib, hmac, sys, urllib.parse

KEY_ID, SECRET = "local-access-key-id", "local-access-key-secret"
ACTIONS = {
    "DescribeVpcs": ("2016-04-28", {"RegionId": "cn-hangzhou"}),
    "DescribeRouteEntryList": ("2016-04-28", {"RegionId": "cn-hangzhou", "RouteTableId": "vtb-hz1", "MaxResult": "100"}),
    "ListTransitRouterRouteEntries": ("2017-09-12", {"TransitRouterRouteTableId": "vtb-trhz"}),
}


def encode(value):
    return urllib.parse.quote(value, safe="-_.~")


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    action = sys.argv[3] if len(sys.argv) > 3 else "DescribeVpcs"
    prefix = sys.argv[4] if len(sys.argv) > 4 else "bench"
    version, own = ACTIONS[action]
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with open(out, "w") as f:
        for i in range(count):
            params = dict(own, Action=action, Version=version, Format="JSON", AccessKeyId=KEY_ID, SignatureMethod="HMAC-SHA1",
                          SignatureVersion="1.0", SignatureNonce=f"{prefix}-{i}", Timestamp=stamp)
            query = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(params.items()))
            to_sign = "GET&%2F&" + encode(query)
            signature = base64.b64encode(hmac.new((SECRET + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
            f.write(f"/?{query}&Signature={encode(signature)}\n")


if __name__ == "__main__":
    main()
