package org.trustinsights.extract;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Lands every configured school system's data as Parquet: {@code bin/insights extract}. */
@SpringBootApplication
@EnableConfigurationProperties(ExtractSettings.class)
public class ExtractApplication {

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            System.exit(SpringApplication.exit(SpringApplication.run(ExtractApplication.class, args)));
        } catch (RuntimeException e) {
            System.err.println(ExtractRunner.describe(e));
            System.exit(2);
        }
    }

    @Bean
    TrustContext trustContext(ExtractSettings settings) {
        if (settings.config() == null) {
            throw new IllegalArgumentException("No trust configuration given; fix: pass --insights.config=FILE");
        }
        return TrustContext.load(settings.config());
    }
}
