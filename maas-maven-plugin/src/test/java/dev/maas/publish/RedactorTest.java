package dev.maas.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** Credentials never survive into text. */
class RedactorTest {

  @Test
  void urlUserInfoIsMasked() {
    assertEquals("https://***@host/x.git", Redactor.url("https://user:pw@host/x.git"));
    assertEquals(
        "see ssh://***@host:22/x and http://***@h",
        Redactor.url("see ssh://git@host:22/x and http://a:b@h"));
    assertEquals("/plain/path.git", Redactor.url("/plain/path.git"));
  }

  @Test
  void aRawAtInThePasswordIsMaskedUpToTheHostAsJGitReadsIt() throws Exception {
    String url = "http://bot:p@ss-Tail9Secret@127.0.0.1:8080/repo.git";
    URIish parsed = new URIish(url);
    assertEquals("p@ss-Tail9Secret", parsed.getPass(), "JGit takes the last @ before the host");
    assertEquals("http://***@127.0.0.1:8080/repo.git", Redactor.url(url));
    assertTrue(Redactor.hasUserInfo(url));
    assertFalse(Redactor.hasUserInfo("http://127.0.0.1:8080/repo.git"));
    assertFalse(Redactor.hasUserInfo("/srv/a@b/repo.git"));

    Redactor redactor = new Redactor(GitCredentials.none(), url);
    String text =
        redactor.scrub(
            "pushing to "
                + url
                + " failed; JGit said "
                + parsed.getPass()
                + " and "
                + parsed.getUser()
                + ":"
                + parsed.getPass()
                + "@127.0.0.1; "
                + url.replace("@127", "@127 ")
                + " at "
                + "http://bot:p%40ss-Tail9Secret@h/x");
    assertFalse(text.contains("Tail9"), text);
    assertFalse(text.contains("ss-"), text);
    assertTrue(text.contains("pushing to http://***@127.0.0.1:8080/repo.git failed"), text);
    // A path with an @ and no scheme is not user information.
    assertEquals(
        "/srv/a@b/repo.git and file:///srv/a@b/r",
        Redactor.url("/srv/a@b/repo.git and file:///srv/a@b/r"));
  }

  @Test
  void secretsAreMaskedWhereverTheyAppear() {
    Redactor redactor =
        new Redactor(
            GitCredentials.password("bot", "p@ss/word!"), "https://bot:url%2Fsecret@h/r.git");
    String text =
        redactor.scrub(
            "auth p@ss/word! or p%40ss%2Fword%21 failed at https://bot:url%2Fsecret@h/r.git "
                + "with url%2Fsecret");
    assertFalse(text.contains("word"), text);
    assertFalse(text.contains("url%2Fsecret"), text);
  }

  @Test
  void credentialsPrintWithoutTheSecret() {
    assertFalse(GitCredentials.token("ghp_abcdef").toString().contains("abcdef"));
    assertEquals("GitCredentials[none]", GitCredentials.none().toString());
  }

  @Test
  void defaultCloneFolderDependsOnTheUrlOnly() {
    Path a = PublishRequest.defaultWorkDir(Path.of("target"), "https://h/a.git");
    assertEquals(a, PublishRequest.defaultWorkDir(Path.of("target"), "https://h/a.git"));
    assertNotEquals(a, PublishRequest.defaultWorkDir(Path.of("target"), "https://h/b.git"));
    assertEquals(Path.of("target", "maas-git"), a.getParent());
    assertFalse(
        PublishRequest.defaultWorkDir(Path.of("t"), "https://u:secret@h/a.git")
            .toString()
            .contains("secret"));
  }
}
