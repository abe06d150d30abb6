package org.trustinsights.extract.source;

/** Where and how to reach one entity of one school on the API, with the token already read. */
public record ApiSource(String baseUrl, int schoolUrn, String entity, String token, String tokenVariable) {

    @Override
    public String toString() {
        return "ApiSource[" + baseUrl + ", " + schoolUrn + ", " + entity + ", token from " + tokenVariable + "]";
    }
}
