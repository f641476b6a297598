package fi.muutos.migration.web;

import fi.muutos.identity.Groups;
import fi.muutos.migration.MigrationReport;
import fi.muutos.migration.ModelMigrations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators check and run the move of running cases to the newest models. */
@RestController
@RequestMapping("/api/admin/migrations")
@Tag(name = "Mallien päivitys", description = "Käynnissä olevat asiat uusimpiin malleihin")
class MigrationController {

  private static final String ADMINS = "hasRole('" + Groups.ADMIN + "')";

  private final ModelMigrations migrations;

  MigrationController(ModelMigrations migrations) {
    this.migrations = migrations;
  }

  @GetMapping
  @PreAuthorize(ADMINS)
  @Operation(
      summary =
          "Cases running on older versions of their process's model, and whether each version's"
              + " plan to the newest holds (nothing is changed)")
  MigrationReport preview() {
    return migrations.preview();
  }

  @PostMapping
  @PreAuthorize(ADMINS)
  @Operation(
      summary =
          "Moves every running case that can move to the newest version of its model; reports"
              + " those that stay, with the reason")
  MigrationReport migrate() {
    return migrations.migrate();
  }
}
