package fi.muutos.architecture.violation.beta.internal;

/** An internal type of the fixture module beta. */
public class Hidden {}
