using System.Collections.Immutable;
using System.Text;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Rendering.OnPrem;

/// <summary>
/// The checks of <c>acr-reach probe</c> as a POSIX shell script for a machine in the data center where AcrReach is not
/// installed: curl, and getent (or nslookup when RESOLVER names a DNS server). One line per check, exit 0 only when
/// every check passes.
/// </summary>
internal static class ProbeScript
{
    public static ConfigFile Render(DataCenterConfiguration config, ImmutableArray<ProbeTargets> probes)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        RouteConfig.Header(text, config, "probe-script", "#", null);
        text.Append("""
            # Run it on a machine in the data center that will pull. Needs curl, and getent or nslookup.
            # Environment: RESOLVER=IP (and RESOLVER_PORT) asks that DNS server instead of this machine's resolver;
            # PORT (443), TIMEOUT (5 s), CA_FILE (a PEM file of extra CAs to trust).
            PORT="${PORT:-443}"
            TIMEOUT="${TIMEOUT:-5}"
            failed=0
            total=0

            ms() { d=$(date +%s%N 2>/dev/null); case "$d" in *N|'') echo $(( $(date +%s) * 1000 ));; *) echo $(( d / 1000000 ));; esac; }

            # check VERDICT CHECK TARGET ADDRESS START DETAIL
            check() {
              total=$((total + 1))
              [ "$1" = PASS ] || failed=$((failed + 1))
              printf '%s  %s  %s  %s  %s ms  %s\n' "$1" "$2" "$3" "${4:--}" "$(( $(ms) - $5 ))" "$6"
            }

            # resolve NAME: prints its first IPv4 address
            resolve() {
              if [ -n "$RESOLVER" ]; then
                nslookup -port="${RESOLVER_PORT:-53}" "$1" "$RESOLVER" 2>/dev/null | awk '/^Name:/ { n = 1; next } n && /^Address/ { a = $2; if (a ~ /:$/) a = $3; print a; exit }'
              else
                getent ahostsv4 "$1" 2>/dev/null | awk '{ print $1; exit }'
              fi
            }

            via() { if [ -n "$RESOLVER" ]; then echo "resolver $RESOLVER:${RESOLVER_PORT:-53}"; else echo "this machine's resolver"; fi; }

            # probe_name NAME PLANNED: sets ADDR
            probe_name() {
              t=$(ms); ADDR=$(resolve "$1")
              if [ -n "$ADDR" ]; then check PASS resolve "$1" "$ADDR" "$t" "via $(via) (the plan says $2)"
              else check FAIL resolve "$1" "" "$t" "no address (via $(via))"; fi
            }

            # probe_tcp NAME ADDRESS
            probe_tcp() {
              if [ -z "$2" ]; then check FAIL tcp "$1:$PORT" "" "$(ms)" "not tried: the name did not resolve"; return; fi
              t=$(ms)
              c=$(curl -s -o /dev/null -k -m "$TIMEOUT" --connect-timeout "$TIMEOUT" -w '%{time_connect}' "https://$2:$PORT/" 2>/dev/null)
              if awk -v c="$c" 'BEGIN { exit !(c + 0 > 0) }'; then check PASS tcp "$1:$PORT" "$2" "$t" "connected"
              else check FAIL tcp "$1:$PORT" "$2" "$t" "could not connect"; fi
            }

            # probe_registry REGISTRY ADDRESS ALLOWED-REALM-HOSTS... : the /v2/ challenge and the token request
            probe_registry() {
              reg=$1; addr=$2; shift 2
              url="https://$reg:$PORT/v2/"
              if [ -z "$addr" ]; then check FAIL challenge "$url" "" "$(ms)" "not tried: the registry name did not resolve"; check FAIL token "(realm)" "" "$(ms)" "not tried: no usable challenge"; return; fi
              t=$(ms)
              headers=$(curl -s -o /dev/null -D - -m "$TIMEOUT" ${CA_FILE:+--cacert "$CA_FILE"} --resolve "$reg:$PORT:$addr" "$url" 2>/dev/null | tr -d '\r')
              status=$(printf '%s\n' "$headers" | awk 'NR == 1 { print $2 }')
              challenge=$(printf '%s\n' "$headers" | grep -i '^www-authenticate: *bearer ' | head -n 1)
              realm=$(printf '%s\n' "$challenge" | sed -n 's/.*realm="\([^"]*\)".*/\1/p')
              service=$(printf '%s\n' "$challenge" | sed -n 's/.*service="\([^"]*\)".*/\1/p')
              host=${realm#https://}; host=${host%%/*}; rport=${host#*:}; host=${host%%:*}
              [ "$rport" = "$host" ] && rport=443
              if [ "$status" != 401 ] || [ -z "$realm" ]; then check FAIL challenge "$url" "$addr" "$t" "answered ${status:-nothing} without a Bearer challenge; a registry answers 401 with one"; check FAIL token "(realm)" "" "$(ms)" "not tried: no usable challenge"; return; fi
              case "$realm" in https://*) ;; *) check FAIL challenge "$url" "$addr" "$t" "the challenge's realm '$realm' is not an https URL"; check FAIL token "(realm)" "" "$(ms)" "not tried: no usable challenge"; return;; esac
              allowed=no
              for h in "$@"; do [ "$h" = "$host" ] && allowed=yes; done
              if [ $allowed = no ]; then check FAIL challenge "$url" "$addr" "$t" "wrong realm: $realm names host $host, not one this network resolves ($*); docker login would leave the private path"; check FAIL token "(realm)" "" "$(ms)" "not tried: no usable challenge"; return; fi
              if [ -z "$service" ]; then check FAIL challenge "$url" "$addr" "$t" "the challenge (realm $realm) names no service"; check FAIL token "(realm)" "" "$(ms)" "not tried: no usable challenge"; return; fi
              check PASS challenge "$url" "$addr" "$t" "401 Bearer realm=$realm service=$service"
              t=$(ms); raddr=$(resolve "$host")
              if [ -z "$raddr" ]; then check FAIL token "$realm" "" "$t" "not tried: the realm's host did not resolve"; return; fi
              code=$(curl -s -o /dev/null -w '%{http_code}' -m "$TIMEOUT" ${CA_FILE:+--cacert "$CA_FILE"} --resolve "$host:$rport:$raddr" -G --data-urlencode "service=$service" "$realm" 2>/dev/null)
              case "$code" in
                200) check PASS token "$realm" "$raddr" "$t" "200: an anonymous token was issued";;
                401|403) check PASS token "$realm" "$raddr" "$t" "$code: an authentication error, so the auth service answered";;
                *) check FAIL token "$realm" "$raddr" "$t" "${code:-no answer}: the realm did not answer as an auth service (200, 401 or 403)";;
              esac
            }

            """);
        foreach (var probe in probes)
        {
            text.Append($"\n# {probe.InstanceId} ({probe.Region})\n");
            var variables = new List<string>();
            for (var i = 0; i < probe.Names.Length; i++)
            {
                var name = probe.Names[i];
                var planned = config.Names.FirstOrDefault(n => n.Name == name)?.Ip.ToString()
                    ?? config.Names.FirstOrDefault(n => n.IsWildcard && name.EndsWith(n.Name[1..], StringComparison.Ordinal))?.Ip.ToString()
                    ?? "nothing";
                text.Append($"probe_name {name} {planned}; a{i}=$ADDR\n");
                variables.Add($"a{i}");
            }

            for (var i = 0; i < probe.Names.Length; i++)
            {
                text.Append($"probe_tcp {probe.Names[i]} \"${variables[i]}\"\n");
            }

            text.Append($"probe_registry {probe.RegistryName} \"$a0\" {string.Join(' ', probe.RealmHosts)}\n");
        }

        text.Append("""

            if [ "$failed" -eq 0 ]; then echo "all $total checks passed"; exit 0; fi
            echo "$failed of $total checks failed"
            exit 2

            """);
        return new ConfigFile("acr-reach.probe.sh", text.ToString());
    }
}
