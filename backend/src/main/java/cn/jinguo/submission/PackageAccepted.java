package cn.jinguo.submission;

/**
 * Fired in the transaction of a package's acceptance (采用), after it is written: its activities are what the city's
 * comprehensive information platform receives (the outbox of cn.jinguo.integration).
 */
public record PackageAccepted(long submissionId) {}
