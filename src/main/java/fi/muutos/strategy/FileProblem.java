package fi.muutos.strategy;

/**
 * One thing wrong with a strategy file, at a line (1-based; 0 when the file as a whole is wrong).
 */
public record FileProblem(int line, String message) {}
