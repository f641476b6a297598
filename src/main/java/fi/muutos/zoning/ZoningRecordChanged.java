package fi.muutos.zoning;

/**
 * Published in the recording transaction when a plan's record changed other than by a stage (its
 * area, its approval's notice date): what is mirrored elsewhere (Ryhti) is sent again.
 */
public record ZoningRecordChanged(String businessKey) {}
