package dev.iamaudit.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/** A Maven project in a directory of the test's own, for goals configured through the harness. */
final class ProjectDirectory {
  private ProjectDirectory() {}

  static MavenProject project(Path dir) {
    Model model = new Model();
    model.setGroupId("it.iamaudit");
    model.setArtifactId("governance");
    model.setVersion("1.0");
    Build build = new Build();
    build.setDirectory(dir.resolve("target").toString());
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(new File(dir.toFile(), "pom.xml"));
    return project;
  }
}
