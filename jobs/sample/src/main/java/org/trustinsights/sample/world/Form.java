package org.trustinsights.sample.world;

/**
 * A diagnostic form: which of each behaviour's items it asks (0 for the first). The platform
 * revises the form each September, changing the item of about one behaviour in five.
 */
public record Form(String code, int[] itemNumbers) {

    public Form {
        itemNumbers = itemNumbers.clone();
    }

    public int itemNumber(int behaviour) {
        return itemNumbers[behaviour];
    }

    /** The id of the item the form asks for a behaviour, such as "S3-2". */
    public String itemId(SampleFramework framework, int behaviour) {
        return framework.behaviour(behaviour).items().get(itemNumbers[behaviour]).id();
    }
}
