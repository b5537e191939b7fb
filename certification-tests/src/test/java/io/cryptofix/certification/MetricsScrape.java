package io.cryptofix.certification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a gateway's Prometheus endpoint, over HTTP as Prometheus does it, read as the text
 * exposition format: a sample line is the series (name and labels), a space and the value.
 */
final class MetricsScrape
{
    private final String text;
    private final Optional<String> contentType;

    private MetricsScrape(final String text, final Optional<String> contentType)
    {
        this.text = text;
        this.contentType = contentType;
    }

    /** GETs {@code http://127.0.0.1:<port>/metrics} once; a scrape that is not answered 200 fails the test. */
    static MetricsScrape of(final int metricsPort) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new MetricsScrape(response.body(), response.headers().firstValue("Content-Type"));
    }

    String text()
    {
        return text;
    }

    Optional<String> contentType()
    {
        return contentType;
    }

    /**
     * @param series  exactly as exposed, labels included, e.g.
     *                {@code cryptofix_timeouts_fired_total{rule="venue RACE"}}.
     * @return its value, or empty when the gateway does not expose that series (yet).
     */
    OptionalDouble sample(final String series)
    {
        final Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return value.find() ? OptionalDouble.of(Double.parseDouble(value.group(1))) : OptionalDouble.empty();
    }

    /** The value of a series the gateway must expose: its absence fails the test, naming what was there. */
    double value(final String series)
    {
        final OptionalDouble sample = sample(series);
        assertThat(sample).as("series %s in%n%s", series, text).isPresent();
        return sample.getAsDouble();
    }

    /**
     * @param metric  a metric name without labels, e.g. {@code cryptofix_cancel_rejects_total}.
     * @return the values of all its series added up (a counter kept per label), or empty when it has none.
     */
    OptionalDouble total(final String metric)
    {
        return text.lines().filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .reduce(Double::sum);
    }
}
