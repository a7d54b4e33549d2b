package triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import triage.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A name that resolves somewhere unexpected, or not at all, in the words resolvers, clients and people use. */
class DnsReadingTest {
    private final Interpreter in = Fixtures.shipped().interpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            // a resolver's or a client's own words for a name that did not resolve
            "node logs getaddrinfo ENOTFOUND api.shop.io                          | dns-resolves-as-expected-",
            "the browser shows DNS_PROBE_FINISHED_NXDOMAIN                         | dns-resolves-as-expected-",
            "host www.shop.example not found                                       | dns-resolves-as-expected-",
            // one decision per fact: "resolver" named beside its failure is no second, working reading
            "the resolver answers SERVFAIL                                         | dns-resolves-as-expected-",
            // where it points: old, released, deleted, someone else's
            "dig +short returns 10.0.0.5 which is our old load balancer            | dns-resolves-as-expected-",
            "the name resolves to an address we released last month               | dns-resolves-as-expected-",
            "the cname points at the heroku app we deleted                         | dns-resolves-as-expected-",
            "nslookup gives an ip from our old hosting provider                    | dns-resolves-as-expected-",
            "a traceroute goes to a host that isn't ours                           | dns-resolves-as-expected-",
            "the name resolves to a host that is not one of ours                   | dns-resolves-as-expected-",
            "the A record points at 192.0.2.10 and our load balancer is elsewhere   | dns-resolves-as-expected-",
            // the site answering when its name is bypassed: the name is what fails, not a working reading of it
            "the site loads fine when I pass --resolve                            | backend-down- dns-resolves-as-expected-",
            "the portal loads by its ip directly                                   | dns-resolves-as-expected-",
            "the registrar let the domain lapse                                    | dns-resolves-as-expected-",
            // a lookup's answer beside the address expected: different is a fault, the same is health; the resolver is no answer
            "dig +short shop.example answers 192.0.2.99 but we expect 203.0.113.10 | dns-resolves-as-expected-",
            "dig gives 198.51.100.23, our ingress is 203.0.113.15                   | dns-resolves-as-expected-",
            "dig gives 203.0.113.15 and we expect 203.0.113.15                      | dns-resolves-as-expected+",
            "dig @10.0.0.53 shop.example gives 203.0.113.15 as expected (203.0.113.15) | dns-resolves-as-expected+",
            // a bare address is no DNS reading at all
            // the address expected at a sentence's end, after the provider's name
            "'dig +short tickets.example\n192.0.2.7\nshould be the cdn and 203.0.113.40.' | dns-resolves-as-expected-",
            // a certificate for another name: the browser reached someone else's server
            "the browser warns the certificate is for another site                  | dns-resolves-as-expected-",
            // an answer said not to be our proxy, a sentence ending in a denial before the lookup's reading
            "dig gives 192.0.2.4, not our proxy. no pods down                       | dns-resolves-as-expected- load-balancer-healthy+",
            "the right IP is fine                                                  | ''",
    })
    void a_name_that_does_not_resolve_where_expected(String text, String expected) {
        assertEquals(expected, Shown.readings(in, text));
    }

    @Test
    void a_lookup_beside_the_address_kubectl_prints_for_the_service() {
        // its template is how kubectl prints, nothing said: no "status", no "[0]" read
        assertEquals("dns-resolves-as-expected-", Shown.readings(in, "$ dig +short shop.example\n192.0.2.250\n"
                + "$ kubectl get svc web-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}'\n203.0.113.61"));
        assertEquals("dns-resolves-as-expected-", Shown.readings(in, "$ dig +short shop.example\n192.0.2.200\n"
                + "$ kubectl get svc ingress-nginx -o wide\nNAME TYPE EXTERNAL-IP\ningress-nginx LoadBalancer 203.0.113.15"));
        assertEquals("dns-resolves-as-expected+", Shown.readings(in, "$ dig +short shop.example\n203.0.113.15\n"
                + "$ kubectl get svc ingress-nginx -o wide\nNAME TYPE EXTERNAL-IP\ningress-nginx LoadBalancer 203.0.113.15"));
    }
}
