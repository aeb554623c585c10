import { child, childrenNamed, parseXml } from '../../src/emulator/xml';

describe('the provisioning XML reader', () => {
  it('reads elements, attributes, text and entities as SharePoint would', () => {
    const root = parseXml('<?xml version="1.0" encoding="utf-8"?>\n<!-- lists -->\n<Elements xmlns="http://schemas.microsoft.com/sharepoint/"><ListInstance Title="Risks &amp; issues" Description="caf&#233; &#x41;"><Data/></ListInstance><ListInstance Title="B"/>a &lt; b</Elements>');
    expect(root.name).toBe('Elements');
    expect(childrenNamed(root, 'ListInstance').map((l) => l.attributes.Title)).toEqual(['Risks & issues', 'B']);
    expect(child(root, 'ListInstance')?.attributes.Description).toBe('café A');
    expect(root.text).toBe('a < b');
  });

  it('ignores namespace prefixes when finding children', () => {
    const root = parseXml('<pnp:Root xmlns:pnp="x"><pnp:Field Name="A"/></pnp:Root>');
    expect(child(root, 'Field')?.attributes.Name).toBe('A');
  });

  it.each([
    ['<Field Name="A"><Default></Field>', /Expected closing tag 'Default'/],
    ['<Field Name="A"', /Unclosed tag 'Field'/],
    ['<Field Name="A" Name="B"/>', /repeated/],
    ['<A/><B/>', /second root element/],
    ['', /XML:/],
    ['<Field Name="A&nbsp;"/>', /unknown entity or bare ampersand "&nbsp;"/],
    ['<Field Name="A">\n\nR&D</Field>', /XML: .* at line 3/]
  ])('refuses malformed XML %j with a message naming the fault', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});
