package dev.maas.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Credentials never survive into text. */
class RedactorTest {

  @Test
  void urlUserInfoIsMasked() {
    assertEquals("https://***@host/x.git", Redactor.url("https://user:pw@host/x.git"));
    assertEquals("see ssh://***@host:22/x and http://***@h", Redactor.url("see ssh://git@host:22/x and http://a:b@h"));
    assertEquals("/plain/path.git", Redactor.url("/plain/path.git"));
  }

  @Test
  void secretsAreMaskedWhereverTheyAppear() {
    Redactor redactor = new Redactor(GitCredentials.password("bot", "p@ss/word!"), "https://bot:url%2Fsecret@h/r.git");
    String text = redactor.scrub("auth p@ss/word! or p%40ss%2Fword%21 failed at https://bot:url%2Fsecret@h/r.git "
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
    assertFalse(PublishRequest.defaultWorkDir(Path.of("t"), "https://u:secret@h/a.git").toString().contains("secret"));
  }
}
