/**
 * Running cases move to the newest version of their process's model when a release changes it (ADR
 * 0053, docs/operations.md): Camunda's migration plans, built per process from the previous version
 * to the newest, applied at deployment and by an administrator's call.
 */
package fi.muutos.migration;
