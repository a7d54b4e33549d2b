package triage.util;

import java.net.URI;

/** Endpoints given in the configuration. */
public final class Urls {
    private Urls() {}

    /**
     * {@code value} as an http(s) URL with a host.
     *
     * @param name the setting it came from, named in the error ({@code SLACK_API_URL})
     * @param example a URL the setting could hold, shown in the error; null: none is shown
     * @throws IllegalArgumentException when it is not one
     */
    public static URI http(String name, String value, String example) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + value.strip());
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL" + (example == null ? "" : ", e.g. " + example));
        }
        return uri;
    }
}
