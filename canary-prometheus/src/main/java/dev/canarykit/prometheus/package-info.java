/**
 * canarykit prometheus module. The adapter arrives with its own issue; until then the module only builds.
 */
package dev.canarykit.prometheus;
