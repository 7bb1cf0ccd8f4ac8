<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="highschool" tilewidth="32" tileheight="32" tilecount="56" columns="8">
 <image source="highschool.png" width="256" height="224"/>
 <tile id="0">
  <properties>
   <property name="label" value="terrazzo hall floor"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="terrazzo border stripe"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="terrazzo moonlit sheen"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="terrazzo scuffed"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="classroom wood floor"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="classroom wood floor worn"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="gym floor"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="gym floor line horizontal"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="gym floor line vertical"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="gym floor line corner"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="gym floor center circle"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="gym floor key paint"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="lab floor"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="entrance mat"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="parking asphalt"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="parking painted line"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="painted block wall"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="wall with moonlit window"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="chalkboard wall"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="chalkboard wall with diagram"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="lockers facing south"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="lockers facing north"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="locker ajar"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="wall with bulletin board"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="wall corner pillar"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="classroom desk"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="classroom desk with book"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="label" value="teacher's desk left"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="label" value="teacher's desk right"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="label" value="lab bench with sink left"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="label" value="lab bench with sink right"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="label" value="fume hood"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="label" value="bookshelf"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="label" value="bookshelf half empty"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="label" value="trophy case left"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="label" value="trophy case right"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="label" value="water fountain"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="label" value="trash can"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="label" value="janitor's cart"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="label" value="stacked chairs"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="label" value="gym mats"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="label" value="ball cart"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="label" value="basketball hoop"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="label" value="bleachers top-left"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="label" value="bleachers top-mid"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="label" value="bleachers top-right"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="label" value="bleachers bottom-left"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="label" value="bleachers bottom-mid"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="label" value="bleachers bottom-right"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="label" value="backpack"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="label" value="scattered papers"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="label" value="basketball"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="label" value="lab stool"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="label" value="moonlight on floor"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="label" value="globe"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="label" value="parking lot light"/>
  </properties>
 </tile>
</tileset>
