package io.newsstream.streams.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {

    @Test
    void shouldAcceptPlainAndValidPercentEncodedUtf8() {
        assertThat(PercentEncoding.isValidUtf8(null)).isTrue();
        assertThat(PercentEncoding.isValidUtf8("/api/v1/countries/AZ")).isTrue();
        assertThat(PercentEncoding.isValidUtf8("limit=10&window=P7D")).isTrue();
        assertThat(PercentEncoding.isValidUtf8("/api/v1/articles/caf%C3%A9")).isTrue();
        assertThat(PercentEncoding.isValidUtf8("q=%E2%82%AC%20and%20%F0%9F%8C%8D")).isTrue();
        assertThat(PercentEncoding.isValidUtf8("/api/v1/articles/café")).isTrue();
    }

    @Test
    void shouldRefuseInvalidUtf8Bytes() {
        assertThat(PercentEncoding.isValidUtf8("/api/v1/articles/%FF")).isFalse();
        assertThat(PercentEncoding.isValidUtf8("/api/v1/countries/%C3%28")).isFalse();
        assertThat(PercentEncoding.isValidUtf8("x=%C0%AE%C0%AE")).isFalse();
        assertThat(PercentEncoding.isValidUtf8("x=%E2%82")).isFalse();
    }

    @Test
    void shouldRefuseMalformedEscapes() {
        assertThat(PercentEncoding.isValidUtf8("limit=%G1")).isFalse();
        assertThat(PercentEncoding.isValidUtf8("x=%")).isFalse();
        assertThat(PercentEncoding.isValidUtf8("x=%4")).isFalse();
    }
}
